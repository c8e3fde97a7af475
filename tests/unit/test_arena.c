/*
 * The compilation arena (src/arena.c): alignment, zeroed memory,
 * allocations larger than a chunk, the string helpers, and a reset.
 */
#include <stdalign.h>

#include "test_common.c"

/*
 * Nodes hold pointers, sizes and 64-bit masks (struct sg_pin), so every
 * block must suit the strictest of those.
 */
#define MAX2(a, b)	((a) > (b) ? (a) : (b))
#define ALIGN		MAX2(MAX2(alignof(void *), alignof(uint64_t)), \
			    alignof(size_t))

static int
setup(void **state)
{
	*state = sg_arena_new();
	return *state == NULL;
}

static int
teardown(void **state)
{
	sg_arena_free(*state);
	return 0;
}

static bool
all_zero(const unsigned char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			return false;
	return true;
}

/* Every block is aligned for any type, whatever the sizes before it. */
static void
test_alignment(void **state)
{
	struct sg_arena	*a = *state;
	size_t		 sizes[] = {
		1, 3, 7, 8, 13, 16, 17, 31, 33, 100, 1
	};
	size_t		 i;
	uintptr_t	 p;
	uint64_t	*m;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		p = (uintptr_t)sg_arena_alloc(a, sizes[i]);
		assert_int_equal(p % ALIGN, 0);
	}
	/* A 64-bit mask can be stored after odd sizes. */
	m = sg_arena_alloc(a, sizeof *m);
	*m = UINT64_C(1) << 63;
	assert_true(*m == UINT64_C(1) << 63);
}

/* sg_arena_used counts the bytes asked for (strings with their NUL). */
static void
test_used(void **state)
{
	struct sg_arena	*a = *state;

	assert_int_equal(sg_arena_used(a), 0);
	sg_arena_alloc(a, 1);
	assert_int_equal(sg_arena_used(a), 1);
	sg_arena_alloc(a, 9);
	assert_int_equal(sg_arena_used(a), 10);
	sg_arena_alloc(a, 0);
	assert_int_equal(sg_arena_used(a), 10);
	sg_arena_strdup(a, "abc");
	assert_int_equal(sg_arena_used(a), 14);
	sg_arena_alloc(a, 100000);
	assert_int_equal(sg_arena_used(a), 100014);
}

/* Strings are packed, yet a block after them is aligned again. */
static void
test_strings_then_blocks(void **state)
{
	struct sg_arena	*a = *state;
	char		*s1, *s2;
	void		*p;

	s1 = sg_arena_strdup(a, "a");
	s2 = sg_arena_strdup(a, "bc");
	p = sg_arena_alloc(a, 24);
	assert_string_equal(s1, "a");
	assert_string_equal(s2, "bc");
	assert_int_equal((uintptr_t)p % ALIGN, 0);
	assert_true(all_zero(p, 24));
	memset(p, 0xff, 24);
	assert_string_equal(s1, "a");
	assert_string_equal(s2, "bc");
}

/* Memory comes back zeroed, and blocks do not overlap. */
static void
test_zeroed_and_distinct(void **state)
{
	struct sg_arena	*a = *state;
	unsigned char	*blocks[200];
	size_t		 i, n;

	for (i = 0; i < 200; i++) {
		n = 1 + i * 7;
		blocks[i] = sg_arena_alloc(a, n);
		assert_true(all_zero(blocks[i], n));
		memset(blocks[i], (int)(i & 0xff) | 1, n);
	}
	for (i = 0; i < 200; i++) {
		n = 1 + i * 7;
		assert_int_equal(blocks[i][0], (i & 0xff) | 1);
		assert_int_equal(blocks[i][n - 1], (i & 0xff) | 1);
	}
	/* 200 blocks of up to 1.4 KB: well past the first 64 KB chunk. */
	assert_true(sg_arena_used(a) > 64 * 1024);
}

/* A block larger than a chunk (64 KB), then small ones after it. */
static void
test_large_allocation(void **state)
{
	struct sg_arena	*a = *state;
	unsigned char	*small, *big, *huge, *after;
	size_t		 bign = 64 * 1024 + 1, hugen = 3 * 1024 * 1024;

	small = sg_arena_alloc(a, 10);
	memset(small, 'a', 10);
	big = sg_arena_alloc(a, bign);
	assert_non_null(big);
	assert_true(all_zero(big, bign));
	memset(big, 'b', bign);
	huge = sg_arena_alloc(a, hugen);
	assert_non_null(huge);
	assert_int_equal((uintptr_t)huge % ALIGN, 0);
	assert_true(all_zero(huge, hugen));
	memset(huge, 'h', hugen);
	after = sg_arena_alloc(a, 10);
	assert_true(all_zero(after, 10));
	memset(after, 'z', 10);
	/* Nothing was overwritten by a later block. */
	assert_int_equal(small[9], 'a');
	assert_int_equal(big[0], 'b');
	assert_int_equal(big[bign - 1], 'b');
	assert_int_equal(huge[0], 'h');
	assert_int_equal(huge[hugen - 1], 'h');
	assert_int_equal(after[0], 'z');
}

static void
test_strndup(void **state)
{
	struct sg_arena	*a = *state;
	const char	*src = "hello, world";
	char		*s;

	s = sg_arena_strndup(a, src, 5);
	assert_string_equal(s, "hello");
	assert_int_equal(strlen(s), 5);
	s = sg_arena_strndup(a, src, 0);
	assert_string_equal(s, "");
	s = sg_arena_strdup(a, src);
	assert_string_equal(s, src);
	assert_ptr_not_equal(s, src);
	/* The copy is NUL-terminated although the source is not. */
	s = sg_arena_strndup(a, &"abcXYZ"[3], 2);
	assert_string_equal(s, "XY");
}

static void
test_printf(void **state)
{
	struct sg_arena	*a = *state;
	char		*s;
	size_t		 i;

	s = sg_arena_printf(a, "%s_%04X/%d", "IDN", 0xbeefu, -7);
	assert_string_equal(s, "IDN_BEEF/-7");
	s = sg_arena_printf(a, "%s", "");
	assert_string_equal(s, "");
	/* Longer than a chunk. */
	s = sg_arena_printf(a, "<%*s>", 100000, "x");
	assert_int_equal(strlen(s), 100002);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[100000], 'x');
	assert_int_equal(s[100001], '>');
	for (i = 1; i < 100000; i++)
		if (s[i] != ' ')
			fail_msg("byte %zu is '%c'", i, s[i]);
}

/*
 * A reset takes everything back: the first chunk is given out again
 * from its start, zeroed as new memory is, and the later chunks (one
 * here, for a block larger than the first) are gone.
 */
static void
test_reset(void **state)
{
	struct sg_arena	*a = *state;
	unsigned char	*first, *p;

	first = sg_arena_alloc(a, 100);
	memset(first, 0xab, 100);
	p = sg_arena_alloc(a, 4 * 1024 * 1024);
	memset(p, 0xcd, 4 * 1024 * 1024);
	sg_arena_reset(a);
	assert_int_equal(sg_arena_used(a), 0);
	p = sg_arena_alloc(a, 100);
	assert_ptr_equal(p, first);
	assert_true(all_zero(p, 100));
	assert_int_equal(sg_arena_used(a), 100);
	/* The string helpers write where the reset left room. */
	assert_string_equal(sg_arena_printf(a, "%s-%d", "x", 7), "x-7");
	sg_arena_reset(a);
	sg_arena_reset(a);
	assert_true(all_zero(sg_arena_alloc(a, 200), 200));
}

/*
 * The arena holds what it handed out, in every chunk, and nothing past
 * it: not the next byte it would hand out, nor memory of its own kind
 * that another arena gave.
 */
static void
test_holds(void **state)
{
	struct sg_arena	*a = *state, *other = sg_arena_new();
	char		*s, *big, local = 0;

	s = sg_arena_strdup(a, "name");
	big = sg_arena_alloc(a, 1024 * 1024);
	assert_true(sg_arena_holds(a, s));
	assert_true(sg_arena_holds(a, s + 4));
	assert_true(sg_arena_holds(a, big));
	assert_true(sg_arena_holds(a, big + 1024 * 1024 - 1));
	assert_false(sg_arena_holds(a, big + 1024 * 1024));
	assert_false(sg_arena_holds(a, &local));
	assert_false(sg_arena_holds(a, sg_arena_strdup(other, "name")));
	assert_false(sg_arena_holds(other, s));
	sg_arena_free(other);
}

static void
test_free_null(void **state)
{
	(void)state;
	sg_arena_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alignment, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_used, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strings_then_blocks,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_zeroed_and_distinct,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_allocation, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strndup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_printf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_holds, setup, teardown),
		cmocka_unit_test(test_free_null),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
