/* Full-screen triangle for the per-pixel passes (contour fill, loss
 * readback); no vertex attributes, the VAO bound is empty. */
#version 330 core

void main()
{
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
