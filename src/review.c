/*
 * sqlgen review.  Each dialect is planned (plan.c) and printed once,
 * whole, by the script printer, which marks where each source
 * statement's text begins (sg_emit_plan_marked); the page cuts the
 * script at those marks.  So the SQL shown is the script itself, not a
 * second rendering of it, and read in order it is the script byte for
 * byte: the browser test (tests/review.sh) checks exactly that.
 *
 * An adjustment's note is explained from its text (plan.c writes each
 * kind in one form): a label, and the words of the SQL it concerns,
 * which are marked where they appear in that statement's SQL.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "lines.h"
#include "plan.h"
#include "review.h"
#include "xmalloc.h"

/* One dialect's script, cut at its statements. */
struct rv_dialect {
	const struct sg_dialect	*d;
	struct sg_plan		*plan;
	struct sg_buf		 text;
	size_t			*marks;		/* nstmts + 1 */
	size_t			*at;		/* nstmts + 2: changes_at */
	struct sg_emit_stats	 stats;
	unsigned		 guards;
	unsigned		 adjustments;
	unsigned		 irreversible;
	bool			 rollback_ok;	/* irreversible is known */
	int			 family;	/* registry index of its root */
	bool			 shown;		/* in a group of this part */
};

struct review {
	const struct sg_script	*script;
	struct rv_dialect	*ds;
	size_t			 nd;
	const struct sg_node	**stmts;
	size_t			 nstmts;
	bool			 text;
	struct sg_buf		*out;
	/* Statements are shown in order: their lines are counted on. */
	struct sg_line_cursor	 lines;
};

/* The line statement s starts on. */
static unsigned
line_of(struct review *rv, const struct sg_node *s)
{
	const struct sg_source	*src = sg_loc_src(&s->loc);

	return sg_lines_at(&rv->lines, src->text, src->len,
	    sg_loc_at(&s->loc, src));
}

/* What a note says, for a reader: its label and the words it concerns. */
struct explain {
	const char	*label;
	const char	*mark;		/* in the note's text, or NULL */
	size_t		 marklen;
};

/*
 * Reads the note's kind from its text (plan.c's forms: "... it is NAME
 * here", "... quoted as NAME", "gets DEFAULT X: ...").
 */
static void
explain(const char *text, bool remark, struct explain *x)
{
	const char	*p, *q;

	memset(x, 0, sizeof *x);
	x->label = remark ? "not in this dialect" : "adjustment";
	if (remark)
		return;
	if ((p = strstr(text, "; it is quoted as ")) != NULL) {
		x->label = "quoted name";
		x->mark = p + 18;
		x->marklen = strlen(x->mark);
	} else if ((p = strstr(text, "; it is ")) != NULL &&
	    (q = strstr(p, " here")) != NULL) {
		x->label = "shortened name";
		x->mark = p + 8;
		x->marklen = (size_t)(q - x->mark);
	} else if ((p = strstr(text, " gets DEFAULT '")) != NULL &&
	    (q = strchr(p + 15, '\'')) != NULL) {
		x->label = "placeholder default";
		x->mark = p + 6;
		x->marklen = (size_t)(q + 1 - x->mark);
	} else if ((p = strstr(text, " gets DEFAULT ")) != NULL &&
	    (q = strchr(p, ':')) != NULL) {
		x->label = "default added";
		x->mark = p + 6;
		x->marklen = (size_t)(q - x->mark);
	} else if (strstr(text, "CASCADE dropped") != NULL)
		x->label = "cascade dropped";
	else if (strstr(text, "is made NOT NULL") != NULL)
		x->label = "made NOT NULL";
	else if (strstr(text, "needs this first") != NULL)
		x->label = "prerequisite";
}

/*
 * Planning.
 */

/* The dialect at the root of i's "extends" chain. */
static int
family(const struct sg_registry *reg, int i)
{
	int	b, n = 0;

	while ((b = sg_registry_base(reg, (size_t)i)) >= 0 && n++ < 64)
		i = b;
	return i;
}

/* Counts what the rollback cannot undo; its messages are dropped. */
static void
count_irreversible(const struct sg_script *script, struct rv_dialect *rd)
{
	struct sg_diag	 quiet;
	struct sg_plan	*rb;
	FILE		*null;
	size_t		 i;

	if ((null = fopen("/dev/null", "w")) == NULL)
		return;
	sg_diag_init(&quiet, null);
	quiet.quiet_warnings = true;
	if ((rb = sg_plan_new(script, rd->d, true, &quiet)) != NULL) {
		for (i = 0; i < rb->n; i++)
			rd->irreversible += rb->changes[i].kind ==
			    SG_CH_NO_INVERSE;
		rd->rollback_ok = true;
		sg_plan_free(rb);
	}
	sg_diag_flush(&quiet);
	fclose(null);
}

/*
 * Where each part's changes are in plan p: part k's are changes at[k]
 * to at[k + 1] - 1.  A forward plan holds what uuid() needs first, then
 * each statement's changes together and in the statements' order, as
 * the printer walks them (emit.c); finding them once keeps the page
 * linear (a scan of the plan for each statement took 6 s at 10,000
 * tables: issue 9).
 */
static size_t *
changes_at(const struct review *rv, const struct sg_plan *p)
{
	size_t	*at, i = 0, k;

	at = xcalloc(rv->nstmts + 2, sizeof *at);
	for (; i < p->n && p->changes[i].stmt == NULL; i++)
		;
	at[1] = i;
	for (k = 1; k <= rv->nstmts; k++) {
		for (; i < p->n && p->changes[i].stmt == rv->stmts[k - 1]; i++)
			;
		at[k + 1] = i;
	}
	return at;
}

static bool
plan_all(struct review *rv, const struct sg_registry *reg,
    const struct sg_dialect *const *targets, struct sg_diag *diag)
{
	struct rv_dialect	*rd;
	const struct sg_adjust	*a;
	size_t			 j, i;
	bool			 ok = true;

	for (j = 0; j < rv->nd; j++) {
		rd = &rv->ds[j];
		rd->d = targets[j];
		rd->family = family(reg, (int)rd->d->index);
		/* Every dialect is planned, so that all errors are seen. */
		if ((rd->plan = sg_plan_new(rv->script, rd->d, false, diag)) ==
		    NULL) {
			ok = false;
			continue;
		}
		rd->marks = xcalloc(rv->nstmts + 1, sizeof *rd->marks);
		sg_emit_plan_marked(rd->plan, &rd->text, &rd->stats,
		    rd->marks);
		rd->at = changes_at(rv, rd->plan);
		for (i = 0; i < rd->plan->n; i++) {
			rd->guards += rd->plan->changes[i].guarded;
			for (a = rd->plan->changes[i].adjust; a != NULL;
			    a = a->next)
				rd->adjustments++;
		}
		count_irreversible(rv->script, rd);
	}
	return ok;
}

/*
 * The parts of a script: part 0 is what comes before the first
 * statement (the header, what uuid() needs), part k the text of
 * statement k (from 1), part nstmts + 1 what follows the last.
 */
static void
part(const struct review *rv, const struct rv_dialect *rd, size_t k,
    const char **text, size_t *len)
{
	size_t	from, to;

	from = k == 0 ? 0 : rd->marks[k - 1];
	to = k <= rv->nstmts ? rd->marks[k] : rd->text.len;
	*text = rd->text.data != NULL ? rd->text.data + from : "";
	*len = to - from;
}

/* The statement part k shows, NULL for the first and last parts. */
static const struct sg_node *
part_stmt(const struct review *rv, size_t k)
{
	return k >= 1 && k <= rv->nstmts ? rv->stmts[k - 1] : NULL;
}

/* Calls fn for each note of dialect rd on part k. */
static void
each_note(const struct review *rv, const struct rv_dialect *rd, size_t k,
    void (*fn)(void *, const char *, bool), void *arg)
{
	const struct sg_change	*c;
	const struct sg_adjust	*a;
	size_t			 i;

	if (k > rv->nstmts)
		return;
	for (i = rd->at[k]; i < rd->at[k + 1]; i++) {
		c = &rd->plan->changes[i];
		for (a = c->adjust; a != NULL; a = a->next)
			fn(arg, a->text, false);
		if (c->kind == SG_CH_REMARK)
			fn(arg, c->text, true);
	}
}

/*
 * HTML.
 */

static void
html_escape(struct sg_buf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '&':
			sg_buf_adds(b, "&amp;");
			break;
		case '<':
			sg_buf_adds(b, "&lt;");
			break;
		case '>':
			sg_buf_adds(b, "&gt;");
			break;
		case '"':
			sg_buf_adds(b, "&quot;");
			break;
		default:
			sg_buf_addc(b, s[i]);
		}
}

static void
html_escapes(struct sg_buf *b, const char *s)
{
	html_escape(b, s, strlen(s));
}

/* The words of a part's notes to mark in its SQL. */
struct marks {
	struct explain	 x[64];
	size_t		 n;
};

static void
collect_mark(void *arg, const char *text, bool remark)
{
	struct marks	*m = arg;
	struct explain	 x;

	explain(text, remark, &x);
	if (x.mark != NULL && x.marklen > 0 &&
	    m->n < sizeof m->x / sizeof m->x[0])
		m->x[m->n++] = x;
}

static bool
word_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '#';
}

/* The mark that starts at s[i], as a whole word, or NULL. */
static const struct explain *
mark_at(const struct marks *m, const char *s, size_t i, size_t n)
{
	const struct explain	*x;
	size_t			 k;

	for (k = 0; k < m->n; k++) {
		x = &m->x[k];
		if (x->marklen > n - i || memcmp(s + i, x->mark, x->marklen)
		    != 0)
			continue;
		if (word_char(x->mark[0]) && i > 0 && word_char(s[i - 1]))
			continue;
		if (word_char(x->mark[x->marklen - 1]) && i + x->marklen < n &&
		    word_char(s[i + x->marklen]))
			continue;
		return x;
	}
	return NULL;
}

/*
 * The SQL of a part in <pre><code>: its text, exactly, with the
 * "-- sqlgen:" notes and the words they concern marked, and the blank
 * lines that separate it from the part before kept but not shown.  The
 * <code> child keeps the HTML parser from eating a first newline.
 */
static void
html_sql(struct sg_buf *b, const char *s, size_t n, const struct marks *m)
{
	const struct explain	*x;
	const char		*nl;
	size_t			 i = 0, end, k;
	bool			 note;

	while (i < n && s[i] == '\n')
		i++;
	if (i > 0) {
		sg_buf_adds(b, "<span class=\"gap\">");
		sg_buf_add(b, s, i);
		sg_buf_adds(b, "</span>");
	}
	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		end = nl != NULL ? (size_t)(nl - s) : n;
		note = end - i >= 10 && strncmp(s + i, "-- sqlgen:", 10) == 0;
		for (k = i; k < end && (s[k] == ' ' || s[k] == '\t'); k++)
			continue;
		if (note || (end - k >= 2 && s[k] == '-' && s[k + 1] == '-')) {
			/* A note; or a comment of the source, dimmed. */
			sg_buf_addf(b, "<span class=\"%s\">", note ? "note" :
			    "comment");
			html_escape(b, s + i, end - i);
			sg_buf_adds(b, "</span>");
			i = end;
		}
		for (; i < end; i++) {
			if ((x = mark_at(m, s, i, end)) == NULL) {
				html_escape(b, s + i, 1);
				continue;
			}
			sg_buf_adds(b, "<mark title=\"");
			html_escapes(b, x->label);
			sg_buf_adds(b, "\">");
			html_escape(b, s + i, x->marklen);
			sg_buf_adds(b, "</mark>");
			i += x->marklen - 1;
		}
		if (i < n)
			sg_buf_addc(b, s[i++]);
	}
}

static void
html_note(void *arg, const char *text, bool remark)
{
	struct review	*rv = arg;
	struct explain	 x;

	explain(text, remark, &x);
	sg_buf_addf(rv->out, "<li class=\"%s\"><b>", remark ? "remark" :
	    "adj");
	html_escapes(rv->out, x.label);
	sg_buf_adds(rv->out, "</b> ");
	html_escapes(rv->out, text);
	sg_buf_adds(rv->out, "</li>\n");
}

static bool
has_notes(const struct review *rv, const struct rv_dialect *rd, size_t k)
{
	size_t	i;

	if (k > rv->nstmts)
		return false;
	for (i = rd->at[k]; i < rd->at[k + 1]; i++)
		if (rd->plan->changes[i].adjust != NULL ||
		    rd->plan->changes[i].kind == SG_CH_REMARK)
			return true;
	return false;
}

/*
 * The dialects of part k, each group once: a dialect and those of its
 * family after it whose text of the part is the same.  fn is called
 * with the first dialect of each group and the group's names.
 */
static void
each_group(struct review *rv, size_t k,
    void (*fn)(struct review *, size_t, const struct rv_dialect *,
    const char *))
{
	struct rv_dialect	*a, *o;
	struct sg_buf		 names = { 0 };
	const char		*ta, *to;
	size_t			 j, m, la, lo;

	for (j = 0; j < rv->nd; j++)
		rv->ds[j].shown = false;
	for (j = 0; j < rv->nd; j++) {
		a = &rv->ds[j];
		if (a->shown)
			continue;
		part(rv, a, k, &ta, &la);
		sg_buf_reset(&names);
		sg_buf_adds(&names, a->d->name);
		for (m = j + 1; m < rv->nd; m++) {
			o = &rv->ds[m];
			part(rv, o, k, &to, &lo);
			if (o->shown || o->family != a->family || lo != la ||
			    memcmp(to, ta, la) != 0)
				continue;
			o->shown = true;
			sg_buf_addf(&names, " %s", o->d->name);
		}
		a->shown = true;
		fn(rv, k, a, sg_buf_str(&names));
	}
	sg_buf_free(&names);
}

static void
html_group(struct review *rv, size_t k, const struct rv_dialect *rd,
    const char *names)
{
	struct sg_buf	*b = rv->out;
	struct marks	 m;
	const char	*text, *p;
	size_t		 len;

	part(rv, rd, k, &text, &len);
	m.n = 0;
	each_note(rv, rd, k, collect_mark, &m);
	sg_buf_adds(b, "<figure class=\"sql\"><figcaption>");
	for (p = names; *p != '\0'; p++) {
		if (*p == ' ')
			sg_buf_adds(b, " <span class=\"and\">&amp;</span> ");
		else
			sg_buf_addc(b, *p);
	}
	sg_buf_adds(b, "</figcaption>\n<pre data-dialects=\"");
	html_escapes(b, names);
	sg_buf_adds(b, "\"><code>");
	html_sql(b, text, len, &m);
	sg_buf_adds(b, "</code></pre>\n");
	if (has_notes(rv, rd, k)) {
		sg_buf_adds(b, "<ul class=\"notes\">\n");
		each_note(rv, rd, k, html_note, rv);
		sg_buf_adds(b, "</ul>\n");
	}
	sg_buf_adds(b, "</figure>\n");
}

static const char	html_style[] =
":root{--ink:#1b1b1b;--rule:#c8c8c8;--paper:#fff;--src:#f3f1ea;"
"--note:#e6eefc;--noteink:#173a78;--mark:#ffe27a;--markline:#b88a00}\n"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
"body{font:14px/1.45 'DejaVu Sans',sans-serif;color:var(--ink);"
"background:var(--paper);margin:1.5em auto;padding:0 1.5em;"
"max-width:120em}\n"
"h1{font-size:1.5em;margin:0 0 .2em}\n"
"header p{margin:.2em 0;color:#444}\n"
"table.summary{border-collapse:collapse;margin:1em 0 1.5em}\n"
"table.summary th,table.summary td{border:1px solid var(--rule);"
"padding:.25em .7em;text-align:left}\n"
"table.summary thead th{background:#ececec}\n"
"table.summary td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"table.summary td.warn{background:#fde2e1;font-weight:bold}\n"
"section.stmt{display:grid;grid-template-columns:minmax(16em,30em) 1fr;"
"gap:1em;border-top:2px solid var(--ink);padding:.8em 0 1.2em}\n"
"section.stmt .src{position:sticky;top:0;align-self:start}\n"
"section.stmt h2{font-size:1em;margin:0 0 .4em}\n"
"section.stmt h2 a{color:inherit;text-decoration:none}\n"
"pre{margin:0;font:12px/1.4 'DejaVu Sans Mono',monospace;"
"white-space:pre-wrap;overflow-wrap:anywhere}\n"
"pre.source{background:var(--src);padding:.5em .6em;"
"border-left:3px solid var(--ink);white-space:pre;overflow-x:auto}\n"
".dialects{display:grid;grid-template-columns:"
"repeat(auto-fill,minmax(26em,1fr));gap:.8em;align-items:start}\n"
"figure.sql{margin:0;border:1px solid var(--rule);border-radius:3px;"
"break-inside:avoid}\n"
"figure.sql figcaption{background:#2f3b4c;color:#fff;padding:.2em .6em;"
"font-weight:bold;font-size:.9em}\n"
"figure.sql figcaption .and{font-weight:normal;opacity:.7}\n"
"figure.sql pre{padding:.45em .6em}\n"
"span.gap{display:none}\n"
"span.comment{color:#7b7b7b}\n"
"span.note{background:var(--note);color:var(--noteink)}\n"
"mark{background:var(--mark);color:inherit;"
"box-shadow:inset 0 -2px var(--markline)}\n"
"ul.notes{margin:0;padding:.35em .6em .45em 1.8em;font-size:.88em;"
"border-top:1px dashed var(--rule);background:#fbfaf6}\n"
"ul.notes li{margin:.1em 0}\n"
"ul.notes li.adj b{color:#7a5200}\n"
"ul.notes li.remark b{color:#555}\n"
"details.outside{margin:1em 0;border-top:2px solid var(--ink);"
"padding-top:.6em}\n"
"details.outside summary{cursor:pointer;font-weight:bold}\n"
"details.outside .dialects{margin-top:.6em}\n"
".legend span{padding:0 .3em}\n"
"footer{margin-top:2em;color:#666;font-size:.85em}\n"
"@media print{body{margin:0;padding:0;font-size:10pt;max-width:none}"
"section.stmt{grid-template-columns:1fr;break-inside:auto}"
".dialects{grid-template-columns:repeat(2,1fr)}"
"details.outside .dialects{display:none}"
"section.stmt .src{position:static}pre.source{white-space:pre-wrap}"
"pre{font-size:8pt}}\n";

static void
html_summary(struct review *rv)
{
	struct sg_buf		*b = rv->out;
	const struct rv_dialect	*rd;
	size_t			 j;

	sg_buf_adds(b, "<table class=\"summary\">\n<thead><tr><th>dialect</th>"
	    "<th>client</th><th>statements</th><th>guards</th>"
	    "<th>adjustments</th><th>irreversible changes</th></tr></thead>\n"
	    "<tbody>\n");
	for (j = 0; j < rv->nd; j++) {
		rd = &rv->ds[j];
		sg_buf_addf(b, "<tr><th>%s</th><td>", rd->d->name);
		html_escapes(b, rd->d->title);
		sg_buf_addf(b, "</td><td class=\"n\">%u</td><td class=\"n\">%u"
		    "</td><td class=\"n\">%u</td>", rd->stats.statements +
		    rd->stats.blocks, rd->guards, rd->adjustments);
		if (rd->rollback_ok)
			sg_buf_addf(b, "<td class=\"n%s\">%u</td></tr>\n",
			    rd->irreversible > 0 ? " warn" : "",
			    rd->irreversible);
		else
			sg_buf_adds(b, "<td class=\"n warn\">no rollback"
			    "</td></tr>\n");
	}
	sg_buf_adds(b, "</tbody>\n</table>\n");
}

/* True if the text holds only comment and blank lines. */
static bool
only_comments(const char *text, size_t len)
{
	const char	*nl;
	size_t		 i = 0, end;

	while (i < len) {
		nl = memchr(text + i, '\n', len - i);
		end = nl != NULL ? (size_t)(nl - text) : len;
		if (end > i && (end - i < 2 || strncmp(text + i, "--", 2) != 0))
			return false;
		i = end + 1;
	}
	return true;
}

/* Part 0 or the last: open when it holds more than the headers. */
static void
html_outside(struct review *rv, size_t k, const char *title)
{
	const char	*text;
	size_t		 j, len;
	bool		 open = false, any = false;

	for (j = 0; j < rv->nd; j++) {
		part(rv, &rv->ds[j], k, &text, &len);
		any |= len > 0;
		open |= !only_comments(text, len);
	}
	if (!any)
		return;
	sg_buf_addf(rv->out, "<details class=\"outside\"%s><summary>%s"
	    "</summary>\n<div class=\"dialects\">\n", open ? " open" : "",
	    title);
	each_group(rv, k, html_group);
	sg_buf_adds(rv->out, "</div>\n</details>\n");
}

static void
html_page(struct review *rv)
{
	struct sg_buf		*b = rv->out;
	const struct sg_node	*s;
	const struct sg_source	*src;
	const char		*file = rv->script->first_file;
	size_t			 k, j;

	if (file == NULL)
		file = "-";
	sg_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_STRING "\">\n"
	    "<title>Review of ");
	html_escapes(b, file);
	sg_buf_addf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<header>\n<h1>Review of ", html_style);
	html_escapes(b, file);
	sg_buf_addf(b, "</h1>\n<p>Each statement of the source, and beside "
	    "it the SQL sqlgen writes for it in %zu dialect%s; where "
	    "dialects of one family write the same, it is shown once.</p>\n"
	    "<p class=\"legend\">Marked: <span class=\"note\">-- sqlgen: "
	    "a note in the script</span> and <mark>what an adjustment "
	    "changed</mark>; each note is explained under the SQL.</p>\n"
	    "</header>\n", rv->nd, rv->nd == 1 ? "" : "s");
	html_summary(rv);
	html_outside(rv, 0, "Before the first statement: script headers, "
	    "prerequisites");
	for (k = 1; k <= rv->nstmts; k++) {
		s = rv->stmts[k - 1];
		sg_buf_addf(b, "<section class=\"stmt\" id=\"s%zu\">\n"
		    "<div class=\"src\"><h2><a href=\"#s%zu\">", k, k);
		src = sg_loc_src(&s->loc);
		html_escapes(b, src->name);
		sg_buf_addf(b, ":%u</a></h2>\n<pre class=\"source\"><code>",
		    line_of(rv, s));
		html_escape(b, src->text + sg_loc_at(&s->loc, src),
		    s->loc.end - s->loc.off);
		sg_buf_adds(b, ";</code></pre></div>\n<div class=\"dialects\">\n");
		each_group(rv, k, html_group);
		sg_buf_adds(b, "</div>\n</section>\n");
	}
	html_outside(rv, rv->nstmts + 1, "After the last statement");
	sg_buf_adds(b, "<footer id=\"end\">Written by " PACKAGE_STRING
	    " (sqlgen review):");
	for (j = 0; j < rv->nd; j++)
		sg_buf_addf(b, " %s", rv->ds[j].d->name);
	sg_buf_adds(b, ".</footer>\n</body>\n</html>\n");
}

/*
 * Plain text, for a terminal.
 */

static void
text_note(void *arg, const char *text, bool remark)
{
	struct review	*rv = arg;
	struct explain	 x;

	explain(text, remark, &x);
	sg_buf_addf(rv->out, "   ^ %s: %s\n", x.label, text);
}

static void
text_group(struct review *rv, size_t k, const struct rv_dialect *rd,
    const char *names)
{
	const char	*text;
	size_t		 len, i;

	part(rv, rd, k, &text, &len);
	/* Before and after the statements, only what is more than notes. */
	if (part_stmt(rv, k) == NULL && only_comments(text, len))
		return;
	for (i = 0; i < len && text[i] == '\n'; i++)
		continue;
	sg_buf_addf(rv->out, "\n--- %s\n", names);
	sg_buf_add(rv->out, text + i, len - i);
	if (len > i && text[len - 1] != '\n')
		sg_buf_addc(rv->out, '\n');
	each_note(rv, rd, k, text_note, rv);
}

static void
text_page(struct review *rv)
{
	const struct rv_dialect	*rd;
	const struct sg_node	*s;
	const struct sg_source	*src;
	const char		*file = rv->script->first_file, *text;
	size_t			 k, j, len;

	sg_buf_addf(rv->out, "Review of %s for %zu dialect%s\n\n",
	    file != NULL ? file : "-", rv->nd, rv->nd == 1 ? "" : "s");
	sg_buf_addf(rv->out, "%-14s %10s %6s %11s %12s\n", "dialect",
	    "statements", "guards", "adjustments", "irreversible");
	for (j = 0; j < rv->nd; j++) {
		rd = &rv->ds[j];
		sg_buf_addf(rv->out, "%-14s %10u %6u %11u ", rd->d->name,
		    rd->stats.statements + rd->stats.blocks, rd->guards,
		    rd->adjustments);
		if (rd->rollback_ok)
			sg_buf_addf(rv->out, "%12u\n", rd->irreversible);
		else
			sg_buf_addf(rv->out, "%12s\n", "no rollback");
	}
	for (k = 0; k <= rv->nstmts + 1; k++) {
		s = part_stmt(rv, k);
		for (j = 0; s == NULL && j < rv->nd; j++) {
			part(rv, &rv->ds[j], k, &text, &len);
			if (!only_comments(text, len))
				break;
		}
		if (s == NULL && j == rv->nd)
			continue;
		if (k == 0)
			sg_buf_adds(rv->out, "\n=== before the first "
			    "statement\n");
		else if (s == NULL)
			sg_buf_adds(rv->out, "\n=== after the last "
			    "statement\n");
		else {
			src = sg_loc_src(&s->loc);
			sg_buf_addf(rv->out, "\n=== %s:%u\n", src->name,
			    line_of(rv, s));
			sg_buf_add(rv->out, src->text + sg_loc_at(&s->loc, src),
			    s->loc.end - s->loc.off);
			sg_buf_adds(rv->out, ";\n");
		}
		each_group(rv, k, text_group);
	}
}

bool
sg_review(const struct sg_script *script, const struct sg_registry *reg,
    const struct sg_dialect *const *targets, size_t n, bool text,
    struct sg_diag *diag, struct sg_buf *out)
{
	struct review		 rv;
	const struct sg_node	*s;
	size_t			 j, k = 0;
	bool			 ok;

	memset(&rv, 0, sizeof rv);
	rv.script = script;
	rv.nd = n;
	rv.text = text;
	rv.out = out;
	rv.ds = xcalloc(n, sizeof *rv.ds);
	for (s = script->stmts.head; s != NULL; s = s->next)
		rv.nstmts++;
	rv.stmts = xcalloc(rv.nstmts + 1, sizeof *rv.stmts);
	for (s = script->stmts.head; s != NULL; s = s->next)
		rv.stmts[k++] = s;
	if ((ok = plan_all(&rv, reg, targets, diag))) {
		if (text)
			text_page(&rv);
		else
			html_page(&rv);
	}
	for (j = 0; j < n; j++) {
		sg_plan_free(rv.ds[j].plan);
		sg_buf_free(&rv.ds[j].text);
		free(rv.ds[j].marks);
		free(rv.ds[j].at);
	}
	free(rv.ds);
	free(rv.stmts);
	return ok;
}
