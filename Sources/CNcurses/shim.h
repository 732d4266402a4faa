#ifndef PROCTOR_CNCURSES_SHIM_H
#define PROCTOR_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE for system libraries, so the
   wide-character API (get_wch, setcchar, mvadd_wch) must be switched on here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#elif __has_include(<curses.h>)
#include <curses.h>
#else
#error "ncursesw headers not found: install them with `apt-get install libncurses-dev`"
#endif

/* C globals and macros that do not import into Swift 6, wrapped once. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline int cn_color_pair(int n) { return (int)COLOR_PAIR(n); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }

static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_up(void) { return KEY_UP; }
static inline int cn_key_down(void) { return KEY_DOWN; }
static inline int cn_key_left(void) { return KEY_LEFT; }
static inline int cn_key_right(void) { return KEY_RIGHT; }
static inline int cn_key_home(void) { return KEY_HOME; }
static inline int cn_key_end(void) { return KEY_END; }
static inline int cn_key_ppage(void) { return KEY_PPAGE; }
static inline int cn_key_npage(void) { return KEY_NPAGE; }
static inline int cn_key_enter(void) { return KEY_ENTER; }
static inline int cn_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cn_key_dc(void) { return KEY_DC; }
static inline int cn_key_ic(void) { return KEY_IC; }
static inline int cn_key_btab(void) { return KEY_BTAB; }
static inline int cn_err(void) { return ERR; }

/* Draws one cell: a grapheme (as wide chars, NUL-terminated) with attributes and a colour pair. */
static inline int cn_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

static inline int cn_get_wch(wint_t *out) { return get_wch(out); }

/* newterm on the process's stdin/stdout; returns NULL (instead of exiting like
   initscr) when the terminal cannot be set up. */
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
/* 1 when the terminal type in TERM can place the cursor (has `cup`), 0 when it cannot, -1 when
   terminfo does not know it. Reads terminfo only: nothing is written to the terminal. */
/* From term.h, which the shim does not include: its capability macros (lines, columns, ...)
   would leak into Swift. */
int setupterm(const char *term, int filedes, int *errret);
static inline int cn_term_addresses_cursor(void) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) return -1;
    char *cup = tigetstr("cup");
    /* The terminal setupterm loaded stays current; newterm sets up its own (freeing this one
       first has crashed newterm). */
    return !(cup == NULL || cup == (char *)-1);
}
static inline int cn_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int cn_refresh(void) { return wrefresh(stdscr); }
static inline int cn_timeout(int ms) { wtimeout(stdscr, ms); return OK; }
static inline int cn_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int cn_leaveok(int on) { return leaveok(stdscr, on ? TRUE : FALSE); }
static inline int cn_intrflush(int on) { return intrflush(stdscr, on ? TRUE : FALSE); }
static inline int cn_clearok(int on) { return clearok(stdscr, on ? TRUE : FALSE); }
static inline int cn_erase(void) { return werase(stdscr); }
static inline int cn_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int cn_init_pair(int pair, int fg, int bg) { return init_pair((short)pair, (short)fg, (short)bg); }
/* A terminfo string capability of the current terminal, or NULL when it has none. */
static inline const char *cn_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}
static inline int cn_key_f0(void) { return KEY_F0; }
static inline int cn_key_a1(void) { return KEY_A1; }
static inline int cn_key_a3(void) { return KEY_A3; }
static inline int cn_key_c1(void) { return KEY_C1; }
static inline int cn_key_c3(void) { return KEY_C3; }
static inline int cn_key_sf(void) { return KEY_SF; }
static inline int cn_key_sr(void) { return KEY_SR; }
static inline int cn_key_beg(void) { return KEY_BEG; }
static inline int cn_key_sleft(void) { return KEY_SLEFT; }
static inline int cn_key_sright(void) { return KEY_SRIGHT; }
static inline int cn_key_shome(void) { return KEY_SHOME; }
static inline int cn_key_send(void) { return KEY_SEND; }
static inline int cn_key_ll(void) { return KEY_LL; }

/* Draws one cell of a grapheme given as code points (spacing char + marks, at most
   CCHARW_MAX - 1 of them used), with attributes and a colour pair. */
static inline int cn_put_cell_u32(int y, int x, const unsigned int *cps, int count, attr_t attrs, int pair) {
    wchar_t wch[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX - 1;
    if (n <= 0) { wch[0] = L' '; n = 1; } else { for (int i = 0; i < n; i++) wch[i] = (wchar_t)cps[i]; }
    wch[n] = 0;
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, (short)pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

#endif
