/* A text item of the overlay described tile by tile for the damage
 * (damage.h): its place (what decides its pixels besides the string) and a
 * hash of its coverage in each 16-px tile, so a text whose string changed
 * damages only the tiles where its pixels did. */
#include <string.h>

#include "render/damage.h"
#include "render/overlay.h"

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v;
    h *= 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

/* The coverage of the text (w x h bytes at X, Y) in the pixels of tile
 * (tx, ty) and one pixel around it (a sample that strayed into the next
 * texel would read that far): the part of the bitmap there, where it lies
 * in the tile and its bytes. */
static uint64_t tile_hash(const uint8_t *px, int w, int h, int X, int Y, int tx, int ty)
{
    int x0 = tx * OV_DAMAGE_TILE - 1 - X, x1 = x0 + OV_DAMAGE_TILE + 2;
    int y0 = ty * OV_DAMAGE_TILE - 1 - Y, y1 = y0 + OV_DAMAGE_TILE + 2;
    int bx0 = x0 > 0 ? x0 : 0, bx1 = x1 < w ? x1 : w;
    int by0 = y0 > 0 ? y0 : 0, by1 = y1 < h ? y1 : h;
    if (bx1 <= bx0 || by1 <= by0)
        return 1;   /* the text draws nothing here */
    uint64_t hh = mix(0x51afd7ed558ccd1bull, (uint64_t)(bx0 - x0) | (uint64_t)(bx1 - x0) << 8 |
                                                 (uint64_t)(by0 - y0) << 16 |
                                                 (uint64_t)(by1 - y0) << 24);
    int len = bx1 - bx0;
    for (int y = by0; y < by1; y++) {
        const uint8_t *row = px + (size_t)y * (size_t)w + bx0;
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            uint64_t v;
            memcpy(&v, row + k, 8);
            hh = mix(hh, v);
        }
        uint64_t v = 0;
        for (; k < len; k++)
            v = v << 8 | row[k];
        hh = mix(hh, v);
    }
    return hh | 2u;   /* never 1 */
}

bool ov_overlay_text_tiles(const ov_overlay *o, ov_text_cache *tc, int i, const int span[4],
                           uint64_t *place, uint64_t *out)
{
    const ov_overlay_item *it = &o->items[i];
    /* The text is looked up again: with more texts in the frame than the
     * cache holds (half, to be sure), a lookup could evict one still to
     * be drawn. */
    if (!it->is_text || o->ntexts > OV_TEXT_CACHE / 2)
        return false;
    const ov_text_entry *e = ov_text_get(tc, o->arena + it->text, it->size);
    if (!e->px || e->w != (int)it->w || e->h != (int)it->h || e->w < 1 || e->h < 1)
        return false;
    /* prepare rounded the text's corner to whole pixels */
    int X = (int)it->x, Y = (int)it->y;
    if ((float)X != it->x || (float)Y != it->y)
        return false;
    uint64_t p = ov_damage_hash(OV_DAMAGE_SEED, "text", 4);
    p = ov_damage_hash(p, &X, sizeof X);
    p = ov_damage_hash(p, &Y, sizeof Y);
    p = ov_damage_hash(p, &it->size, sizeof it->size);
    p = ov_damage_hash(p, &it->color, sizeof it->color);
    *place = p | 1u;
    for (int ty = span[2], k = 0; ty <= span[3]; ty++)
        for (int tx = span[0]; tx <= span[1]; tx++)
            out[k++] = tile_hash(e->px, e->w, e->h, X, Y, tx, ty);
    return true;
}
