/* test_layout.c: panes tile the screen at every size, never overlap. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../ui/layout.h"

static void
assert_tiles(struct rect body, const struct rect *f, size_t n)
{
	long area = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		assert_true(f[i].h >= 0 && f[i].w >= 0);
		assert_true(f[i].y >= body.y && f[i].x >= body.x);
		assert_true(f[i].y + f[i].h <= body.y + body.h);
		assert_true(f[i].x + f[i].w <= body.x + body.w);
		area += (long)f[i].h * f[i].w;
		for (j = 0; j < i; j++)
			assert_false(f[i].h > 0 && f[j].h > 0 &&
			    f[i].w > 0 && f[j].w > 0 &&
			    f[i].y < f[j].y + f[j].h && f[j].y < f[i].y + f[i].h &&
			    f[i].x < f[j].x + f[j].w && f[j].x < f[i].x + f[i].w);
	}
	assert_int_equal(area, (long)body.h * body.w);
}

static void
grid_is_two_by_two(void **state)
{
	struct rect body = layout_body(24, 80), f[4];

	(void)state;
	assert_int_equal(body.y, 1);
	assert_int_equal(body.h, 22);
	layout_frames(body, LAYOUT_GRID, -1, 4, f);
	assert_int_equal(f[0].x, 0);
	assert_int_equal(f[1].x, 40);
	assert_int_equal(f[2].y, 12);
	assert_int_equal(f[3].w, 40);
	assert_tiles(body, f, 4);
}

static void
stacked_is_one_column(void **state)
{
	struct rect body = layout_body(41, 101), f[4];
	size_t i;

	(void)state;
	layout_frames(body, LAYOUT_STACKED, -1, 4, f);
	for (i = 0; i < 4; i++)
		assert_int_equal(f[i].w, 101);
	assert_true(f[0].y < f[1].y && f[1].y < f[2].y && f[2].y < f[3].y);
	assert_tiles(body, f, 4);
}

static void
zoom_fills_the_body(void **state)
{
	struct rect body = layout_body(30, 100), f[4];

	(void)state;
	layout_frames(body, LAYOUT_GRID, 2, 4, f);
	assert_memory_equal(&f[2], &body, sizeof body);
	assert_int_equal(f[0].h, 0);
	assert_int_equal(f[3].w, 0);
	assert_int_equal(layout_hit(f, 4, 5, 5), 2);
}

static void
every_size_down_to_one_by_one(void **state)
{
	struct rect f[4], body;
	int rows, cols, mode;

	(void)state;
	for (rows = 0; rows <= 30; rows++)
		for (cols = 0; cols <= 90; cols += 3)
			for (mode = 0; mode < 2; mode++) {
				body = layout_body(rows, cols);
				layout_frames(body, mode, -1, 4, f);
				assert_tiles(body, f, 4);
			}
	assert_true(layout_too_small(23, 200));
	assert_true(layout_too_small(1, 1));
	assert_false(layout_too_small(24, 80));
}

static void
hit_finds_the_pane(void **state)
{
	struct rect f[4];

	(void)state;
	layout_frames(layout_body(24, 80), LAYOUT_GRID, -1, 4, f);
	assert_int_equal(layout_hit(f, 4, 1, 0), 0);
	assert_int_equal(layout_hit(f, 4, 5, 79), 1);
	assert_int_equal(layout_hit(f, 4, 22, 0), 2);
	assert_int_equal(layout_hit(f, 4, 0, 0), -1);	/* status bar */
	assert_int_equal(layout_hit(f, 4, 23, 10), -1);	/* key bar */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grid_is_two_by_two),
		cmocka_unit_test(stacked_is_one_column),
		cmocka_unit_test(zoom_fills_the_body),
		cmocka_unit_test(every_size_down_to_one_by_one),
		cmocka_unit_test(hit_finds_the_pane),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
