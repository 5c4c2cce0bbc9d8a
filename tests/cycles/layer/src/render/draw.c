/* fixture: render's function */
void draw_all(void);
void draw_all(void)
{
}
