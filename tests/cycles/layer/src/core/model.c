/* fixture: core calling up into render */
void draw_all(void);
void model_step(void);
void model_step(void)
{
    draw_all();
}
