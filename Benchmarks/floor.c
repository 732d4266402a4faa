/*
 * The floor for `make bench`: the least a terminal study screen can cost with ncursesw.
 *
 * It draws a screen of the same size and shape as Proctor's (a box with a title, a tree of
 * 20 lines with one highlighted row, a word-wrapped paragraph, a status line) and then:
 *   j / k / arrows  move the highlight one row (only what changed is redrawn by ncurses)
 *   Enter           "opens a question": replaces the paragraph with another one
 *   q               quits
 * With --tick, the status line shows a countdown updated once a second, like the exam clock.
 * With no input (and no --tick) it writes nothing.
 *
 * Built by scripts/bench.sh:  cc -O2 -o .build/bench/floor Benchmarks/floor.c -lncursesw
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncurses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *tree[20] = {
    "1 Architecting low-code ML solutions",
    "  1.1 Developing ML models by using BigQuery ML",
    "  1.2 Building AI solutions by using ML APIs",
    "  1.3 Training models by using AutoML",
    "2 Collaborating to manage data and models",
    "  2.1 Exploring and preprocessing data",
    "  2.2 Model prototyping using Jupyter notebooks",
    "  2.3 Tracking and running ML experiments",
    "3 Scaling prototypes into ML models",
    "  3.1 Building models",
    "  3.2 Training models",
    "  3.3 Choosing appropriate hardware for training",
    "4 Serving and scaling models",
    "  4.1 Serving models",
    "  4.2 Scaling online model serving",
    "5 Automating and orchestrating ML pipelines",
    "  5.1 Developing end-to-end ML pipelines",
    "  5.2 Automating model retraining",
    "6 Monitoring AI solutions",
    "  6.1 Identifying risks to AI solutions",
};

static const char *paragraphs[2] = {
    "Readiness by section blends recency-weighted accuracy with the memory model's recall "
    "probability for the questions already seen. Choose the BigQuery ML model type that fits "
    "the business problem: a continuous number per row is regression, a yes or no outcome is "
    "binary classification, and a series of totals over time calls for a forecasting model. "
    "Engineer and select features inside BigQuery ML with the TRANSFORM clause so that the "
    "same preprocessing runs at prediction time, and produce predictions with ML.PREDICT.",
    "Question 2 of 50. A subscription business keeps two years of customer activity in "
    "BigQuery and wants analysts, who know SQL but not Python, to predict which customers "
    "will cancel next month. The solution must need as little new infrastructure as "
    "possible. What should they do? (a) Train a logistic regression model with CREATE MODEL "
    "in BigQuery ML. (b) Export the tables to Cloud Storage and train a custom classifier. "
    "(c) Train a k-means model. (d) Build an ARIMA_PLUS model on the daily count.",
};

static int rows, cols, selected, page, ticking;
static time_t deadline;

static void draw_tree_row(int i) {
    int w = cols / 2 - 3;
    if (i == selected) attron(A_REVERSE);
    mvprintw(3 + i, 2, "%-*.*s", w, w, tree[i]);
    if (i == selected) attroff(A_REVERSE);
}

static void draw_paragraph(void) {
    int x0 = cols / 2 + 1, width = cols - x0 - 2, y = 3;
    const char *p = paragraphs[page];
    for (int r = 3; r < rows - 3; r++) mvhline(r, x0, ' ', width);
    attron(A_BOLD);
    mvaddstr(y++, x0, page == 0 ? "Readiness by section" : "Question");
    attroff(A_BOLD);
    y++;
    while (*p && y < rows - 3) {
        int n = (int)strlen(p);
        if (n > width) {
            n = width;
            while (n > 0 && p[n] != ' ') n--;
            if (n == 0) n = width;
        }
        mvaddnstr(y++, x0, p, n);
        p += n;
        while (*p == ' ') p++;
    }
}

static void draw_status(void) {
    attron(A_REVERSE);
    mvhline(rows - 2, 1, ' ', cols - 2);
    mvaddstr(rows - 2, 2, "j/k move  Enter open  q quit");
    if (ticking) {
        long left = (long)(deadline - time(NULL));
        if (left < 0) left = 0;
        mvprintw(rows - 2, cols - 12, "%3ld:%02ld", left / 60, left % 60);
    }
    attroff(A_REVERSE);
}

static void draw_all(void) {
    erase();
    box(stdscr, 0, 0);
    attron(A_BOLD);
    mvaddstr(0, 2, " Professional Machine Learning Engineer ");
    attroff(A_BOLD);
    mvaddstr(1, 2, "Google Cloud - exam guide v3 - 120 min - 50-60 questions");
    for (int i = 0; i < 20; i++) draw_tree_row(i);
    draw_paragraph();
    draw_status();
}

int main(int argc, char **argv) {
    ticking = argc > 1 && strcmp(argv[1], "--tick") == 0;
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    getmaxyx(stdscr, rows, cols);
    deadline = time(NULL) + 120 * 60;
    draw_all();
    refresh();
    timeout(ticking ? 1000 : -1);
    for (;;) {
        int ch = getch();
        if (ch == 'q') break;
        int old = selected;
        switch (ch) {
        case 'j': case KEY_DOWN: if (selected < 19) selected++; break;
        case 'k': case KEY_UP: if (selected > 0) selected--; break;
        case '\r': case '\n': case KEY_ENTER: page = !page; draw_paragraph(); break;
        case KEY_RESIZE: getmaxyx(stdscr, rows, cols); draw_all(); break;
        default: break;
        }
        if (old != selected) {
            draw_tree_row(old);
            draw_tree_row(selected);
        }
        if (ticking) draw_status();
        refresh();
    }
    endwin();
    return 0;
}
