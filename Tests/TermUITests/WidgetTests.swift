import XCTest

@testable import TermUI

final class CountdownTests: XCTestCase {
    func testFormat() {
        XCTAssertEqual(Countdown.format(seconds: 3599), "59:59")
        XCTAssertEqual(Countdown.format(seconds: 3600), "1:00:00")
        XCTAssertEqual(Countdown.format(seconds: 0), "0:00")
        XCTAssertEqual(Countdown.format(seconds: 65), "1:05")
        XCTAssertEqual(Countdown.format(seconds: 7322), "2:02:02")
        XCTAssertEqual(Countdown.format(seconds: -5), "0:00")
        XCTAssertEqual(Countdown.format(seconds: 0.2), "0:01")  // rounds up
        XCTAssertEqual(Countdown.format(seconds: 59.0), "0:59")
        XCTAssertEqual(Countdown.format(seconds: -0.5), "0:00")
        XCTAssertEqual(Countdown.format(seconds: Double.nan), "0:00")
    }

    func testLevelThresholds() {
        XCTAssertEqual(Countdown.level(remaining: 301, warningThreshold: 300, alertThreshold: 60), .normal)
        XCTAssertEqual(Countdown.level(remaining: 300, warningThreshold: 300, alertThreshold: 60), .normal)
        XCTAssertEqual(Countdown.level(remaining: 299, warningThreshold: 300, alertThreshold: 60), .warning)
        XCTAssertEqual(Countdown.level(remaining: 59, warningThreshold: 300, alertThreshold: 60), .alert)
        XCTAssertEqual(Countdown.level(remaining: 0, warningThreshold: 300, alertThreshold: 60), .alert)
    }

    func testStyleFollowsThresholdInColourAndMonochrome() {
        for theme in [Theme.color, Theme.monochrome] {
            let normal = draw(Countdown(remaining: 600, theme: theme), width: 8, height: 1)
            let warn = draw(Countdown(remaining: 200, theme: theme), width: 8, height: 1)
            let alert = draw(Countdown(remaining: 30, theme: theme), width: 8, height: 1)
            assertLines(normal, ["10:00"])
            assertLines(warn, ["3:20"])
            assertLines(alert, ["0:30"])
            XCTAssertEqual(normal[0, 0]?.style, theme.normal)
            XCTAssertEqual(warn[0, 0]?.style, theme.warning)
            XCTAssertEqual(alert[0, 0]?.style, theme.alert)
            XCTAssertNotEqual(theme.normal, theme.warning)
            XCTAssertNotEqual(theme.warning, theme.alert)
        }
        XCTAssertEqual(Theme.color.warning.fg, .yellow)
        XCTAssertEqual(Theme.monochrome.alert.fg, .default)
        XCTAssertTrue(Theme.monochrome.alert.attributes.contains(.reverse))
    }

    func testDeadlineInitAndLabelAlignment() {
        let now = Date(timeIntervalSince1970: 1000)
        let cd = Countdown(
            deadline: now.addingTimeInterval(90.5), now: now, label: "Time", alignment: .right, theme: .monochrome)
        XCTAssertEqual(cd.text, "Time 1:31")
        assertLines(draw(cd, width: 12, height: 1), ["   Time 1:31"])
    }
}

final class ModalTests: XCTestCase {
    func testModalClearsItsRectOverContent() {
        var c = Canvas(width: 20, height: 7)
        for y in 0..<7 { c.write(String(repeating: "x", count: 20), x: 0, y: y) }
        c.render(Modal(title: "Quit?", body: "Really quit?", width: 16, height: 5, border: .plain), in: c.bounds)
        assertLines(
            c,
            [
                "xxxxxxxxxxxxxxxxxxxx",
                "xx┌─── Quit? ────┐xx",
                "xx│ Really quit? │xx",
                "xx│              │xx",
                "xx│              │xx",
                "xx└──────────────┘xx",
                "xxxxxxxxxxxxxxxxxxxx",
            ])
    }

    func testModalSizeClampedToScreen() {
        let m = Modal(title: "Help", body: String(repeating: "word ", count: 80), width: 100, height: 50)
        let f = m.frame(in: Rect(x: 0, y: 0, width: 30, height: 8))
        XCTAssertLessThanOrEqual(f.width, 30)
        XCTAssertLessThanOrEqual(f.height, 8)
        XCTAssertGreaterThanOrEqual(f.x, 0)
        var c = Canvas(width: 30, height: 8)
        c.render(m, in: c.bounds)
        assertCellsConsistent(c)
    }

    func testModalFitsBodyAndFooter() {
        let m = Modal(title: "Saved", body: "Answer saved.", footer: "enter ok", border: .plain)
        let c = draw(m, width: 40, height: 10)
        let lines = c.lines()
        XCTAssertTrue(lines.contains { $0.contains("Answer saved.") }, c.text)
        XCTAssertTrue(lines.contains { $0.contains("enter ok") }, c.text)
        XCTAssertTrue(lines.contains { $0.contains("Saved") && $0.contains("┌") }, c.text)
    }
}

final class StatusBarTests: XCTestCase {
    let hints = [KeyHint("q", "quit"), KeyHint("↑↓", "move"), KeyHint("enter", "open")]

    func testHintsRenderAsKeyLabelPairs() {
        let c = draw(StatusBar(hints: hints), width: 40, height: 1)
        assertLines(c, ["q quit  ↑↓ move  enter open"])
        XCTAssertEqual(c[0, 0]?.style.attributes, [.bold, .reverse])
        XCTAssertEqual(c[2, 0]?.style.attributes, [])
    }

    func testTruncatesByDroppingWholeHints() {
        assertLines(draw(StatusBar(hints: hints), width: 20, height: 1), ["q quit  ↑↓ move"])
        assertLines(draw(StatusBar(hints: hints), width: 6, height: 1), ["q quit"])
        assertLines(draw(StatusBar(hints: hints), width: 4, height: 1), ["q q…"])
    }

    func testRightTextGivesWay() {
        assertLines(
            draw(StatusBar(hints: [KeyHint("q", "quit")], right: "Q 3/50"), width: 20, height: 1),
            ["q quit        Q 3/50"])
        assertLines(
            draw(StatusBar(hints: [KeyHint("q", "quit")], right: "Q 3/50"), width: 11, height: 1),
            ["q quit  Q …"])
    }

    func testRightTextKeepsItsPlaceWhileAHintFitsBesideIt() {
        assertLines(draw(StatusBar(hints: hints, right: "? help"), width: 22, height: 1), ["q quit          ? help"])
    }

    func testThemeTupleInit() {
        let bar = StatusBar([(key: "q", label: "quit")], theme: .monochrome)
        let c = draw(bar, width: 10, height: 1)
        assertLines(c, ["q quit"])
        XCTAssertEqual(c[0, 0]?.style, Theme.monochrome.keyHint)
    }
}

final class GaugeTests: XCTestCase {
    func testMonochromeReadableFill() {
        assertLines(draw(Gauge(ratio: 0.5), width: 14, height: 1), ["█████░░░░░ 50%"])
        assertLines(draw(Gauge(ratio: 0.25, label: "3/12"), width: 17, height: 1), ["██░░░░░░ 25% 3/12"])
        assertLines(draw(Gauge(ratio: 1.0, showPercent: false), width: 4, height: 1), ["████"])
        assertLines(draw(Gauge(ratio: -1), width: 9, height: 1), ["░░░░░░ 0%"])
    }

    func testRatioClampedAndNaNSafe() {
        XCTAssertEqual(Gauge.filledCells(ratio: 2, width: 10), 10)
        XCTAssertEqual(Gauge.filledCells(ratio: .nan, width: 10), 0)
        XCTAssertEqual(Gauge.filledCells(ratio: 0.99, width: 10), 9)
    }
}

final class TableTests: XCTestCase {
    func testHeaderRowsAndAlignment() {
        let t = Table(
            columns: [TableColumn("Domain", width: .fill), TableColumn("Score", width: .fixed(5), alignment: .right)],
            rows: [["Framing", "80%"], ["Data preparation", "100%"]])
        let c = draw(t, width: 16, height: 4)
        assertLines(c, ["Domain     Score", "Framing      80%", "Data prep…  100%", ""])
        XCTAssertTrue(c[0, 0]!.style.attributes.contains(.underline))
    }

    func testSelectedRowScrolls() {
        let t = Table(columns: [TableColumn("N")], rows: (1...9).map { ["row \($0)"] })
        var s = ListState(selected: 8)
        var c = Canvas(width: 8, height: 3)
        c.render(t, in: c.bounds, state: &s)
        assertLines(c, ["N", "row 8", "row 9"])
        XCTAssertEqual(c[0, 2]?.style.attributes, .reverse)
    }
}

final class SizeGuardTests: XCTestCase {
    func testMessageCentredWhenTooSmall() {
        let g = SizeGuard(minWidth: 60, minHeight: 20)
        var c = Canvas(width: 30, height: 5)
        XCTAssertFalse(g.check(&c))
        assertLines(c, ["", " terminal too small: need at", "         least 60x20", "", ""])
        var wide = Canvas(width: 41, height: 3)
        XCTAssertFalse(g.check(&wide))
        assertLines(wide, ["", " terminal too small: need at least 60x20", ""])
    }

    func testWrapsToTinyWidthAndPassesWhenBigEnough() {
        let g = SizeGuard(minWidth: 60, minHeight: 20)
        var c = Canvas(width: 12, height: 6)
        XCTAssertFalse(g.check(&c))
        XCTAssertTrue(c.lines().joined(separator: " ").contains("too small"), c.text)
        var big = Canvas(width: 60, height: 20)
        XCTAssertTrue(g.check(&big))
        XCTAssertEqual(big, Canvas(width: 60, height: 20))
    }
}

final class KeyHelpTests: XCTestCase {
    func testListsKeysInAColumnOverContent() {
        var c = Canvas(width: 23, height: 7)
        for y in 0..<7 { c.write(String(repeating: ".", count: 23), x: 0, y: y) }
        c.render(
            KeyHelp(hints: [KeyHint("↑/↓", "move"), KeyHint("enter", "answer"), KeyHint("q", "quit")]), in: c.bounds)
        assertLines(
            c,
            [
                ".......................",
                "...╔════ Keys ═════╗...",
                "...║ ↑/↓    move   ║...",
                "...║ enter  answer ║...",
                "...║ q      quit   ║...",
                "...╚═══════════════╝...",
                ".......................",
            ])
    }
}
