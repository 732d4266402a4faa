import XCTest

@testable import TermUI

final class EventLoopTests: XCTestCase {
    func testTicksComeFromTheClockAndQuitEndsTheLoop() {
        let clock = ManualClock()
        let term = TestTerminal(width: 20, height: 3, clock: clock)
        term.enqueue(keys: .char("a"))
        term.wait(2.5)  // 2.5 s of idle: ticks at 1 s and 2 s
        term.enqueue(keys: .char("b"))
        term.wait(0.6)  // crosses 3 s: one more tick
        term.enqueue(keys: .char("q"))
        var log: [String] = []
        var ticks = 0
        let start = clock.now
        runLoop(
            terminal: term, tickInterval: 1.0, now: clock.callAsFunction,
            handle: { event in
                switch event {
                case .tick:
                    ticks += 1
                    log.append("tick@\(clock.now.timeIntervalSince(start))")
                case .key(.char("q")):
                    log.append("quit")
                    return .quit
                case .key(let k):
                    log.append("key \(k)")
                case .resize:
                    log.append("resize")
                }
                return .continue
            },
            render: { canvas in
                canvas.write("ticks \(ticks)", x: 0, y: 0)
            })
        XCTAssertEqual(log, ["key char(\"a\")", "tick@1.0", "tick@2.0", "key char(\"b\")", "tick@3.0", "quit"])
        XCTAssertEqual(term.text(), ["ticks 3", "", ""])
        // Timeouts asked for are the time left to the next tick, never more.
        XCTAssertTrue(term.requestedTimeouts.allSatisfy { ($0 ?? 99) <= 1.0 })
        XCTAssertEqual(term.requestedTimeouts.first!, 1.0)
    }

    func testLateWakeUpDoesNotDriftOrFlood() {
        let clock = ManualClock()
        let term = TestTerminal(width: 10, height: 1, clock: clock)
        var tickTimes: [Double] = []
        let start = clock.now
        var polls = 0
        runLoop(
            terminal: term, tickInterval: 1.0,
            now: {
                // The machine stalls once for 3.7 s before the first tick.
                polls += 1
                if polls == 3 { clock.advance(by: 3.7) }
                return clock.now
            },
            handle: { event in
                if event == .tick { tickTimes.append(clock.now.timeIntervalSince(start)) }
                return tickTimes.count >= 3 ? .quit : .continue
            }, render: { _ in })
        // One tick for the stall (not four), then ticks back on the 1 s grid: 5.0, 6.0.
        XCTAssertEqual(tickTimes.count, 3)
        XCTAssertEqual(tickTimes[1], 5.0, accuracy: 1e-9)
        XCTAssertEqual(tickTimes[2], 6.0, accuracy: 1e-9)
    }

    func testNoTicksWithoutIntervalAndResizeRedraws() {
        let term = TestTerminal(width: 10, height: 2)
        term.resize(width: 6, height: 1)
        term.enqueue(keys: .escape)
        var events: [Event] = []
        runLoop(
            terminal: term, tickInterval: nil,
            handle: { e in
                events.append(e)
                return e == .key(.escape) ? .quit : .continue
            }, render: { c in c.write("size \(c.width)x\(c.height)", x: 0, y: 0) })
        XCTAssertEqual(events, [.resize(width: 6, height: 1), .key(.escape)])
        XCTAssertEqual(term.text(), ["size 6"])
        XCTAssertEqual(term.canvas.size, Size(width: 6, height: 1))
        XCTAssertEqual(term.requestedTimeouts, [nil, nil])
    }

    func testTicksStartAndStopWhenTheAppAsksForThem() {
        let clock = ManualClock()
        let term = TestTerminal(width: 10, height: 2, clock: clock)
        term.enqueue(keys: .char("t"))
        term.wait(3.5)
        term.enqueue(keys: .char("s"))
        term.wait(5)
        term.enqueue(keys: .escape)
        var wantsTicks = false
        var events: [Event] = []
        runLoop(
            terminal: term, tickInterval: { wantsTicks ? 1.0 : nil }, now: clock.callAsFunction,
            handle: { e in
                events.append(e)
                if e == .key(.char("t")) { wantsTicks = true }
                if e == .key(.char("s")) { wantsTicks = false }
                return e == .key(.escape) ? .quit : .continue
            }, render: { _ in })
        XCTAssertEqual(events, [.key(.char("t")), .tick, .tick, .tick, .key(.char("s")), .key(.escape)])
        XCTAssertEqual(term.requestedTimeouts.first, .some(nil), "no timeout before ticks were wanted")
        XCTAssertEqual(term.requestedTimeouts.last, .some(nil), "no timeout after ticks stopped")
    }

    func testIdenticalFramesAreNotCounted() {
        let term = TestTerminal(width: 5, height: 1)
        term.enqueue(keys: .char("x"), .char("y"), .char("q"))
        runLoop(
            terminal: term, handle: { $0 == .key(.char("q")) ? .quit : .continue },
            render: { c in c.write("same", x: 0, y: 0) })
        XCTAssertEqual(term.drawCalls, 3)
        XCTAssertEqual(term.framesDrawn, 1)
    }
}

final class TestTerminalTests: XCTestCase {
    func testTextCellsAndStyles() {
        let term = TestTerminal(width: 6, height: 2)
        var c = Canvas(width: 6, height: 2)
        c.write("日本x", x: 0, y: 0, style: Style(attributes: .bold))
        term.draw(c)
        XCTAssertEqual(term.text(), ["日本x", ""])
        XCTAssertEqual(term.text(trimTrailing: false), ["日本x ", "      "])
        XCTAssertEqual(term.cell(x: 1, y: 0)?.isContinuation, true)
        XCTAssertEqual(term.style(x: 4, y: 0)?.attributes, .bold)
        XCTAssertEqual(term.find("x")?.x, 4)
        XCTAssertEqual(term.framesDrawn, 1)
    }

    func testScriptedEventsThenNil() {
        let term = TestTerminal(width: 1, height: 1, events: [.key(.up)])
        term.type("hé")
        XCTAssertEqual(term.nextEvent(timeout: nil), .key(.up))
        XCTAssertEqual(term.nextEvent(timeout: 0), .key(.char("h")))
        XCTAssertEqual(term.nextEvent(timeout: 0), .key(.char("é")))
        XCTAssertNil(term.nextEvent(timeout: 0))
    }
}

final class KeyDecodingTests: XCTestCase {
    func testControlBytes() {
        XCTAssertEqual(Key.fromCodePoint(3), .ctrl("c"))
        XCTAssertEqual(Key.fromCodePoint(13), .enter)
        XCTAssertEqual(Key.fromCodePoint(10), .enter)
        XCTAssertEqual(Key.fromCodePoint(9), .tab)
        XCTAssertEqual(Key.fromCodePoint(27), .escape)
        XCTAssertEqual(Key.fromCodePoint(127), .backspace)
        XCTAssertEqual(Key.fromCodePoint(0x61), .char("a"))
        XCTAssertEqual(Key.fromCodePoint(0x20), .char(" "))
        XCTAssertEqual(Key.fromCodePoint(0xE9), .char("é"))
        XCTAssertEqual(Key.fromCodePoint(0x65E5), .char("日"))
        XCTAssertNil(Key.fromCodePoint(0x9B))
    }

    func testCursesKeyCodes() {
        // Values from <ncursesw/curses.h>.
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o403), .key(.up))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o402), .key(.down))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o523), .key(.pageUp))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o522), .key(.pageDown))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o410 + 5), .key(.function(5)))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o541), .key(.backTab))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: true, code: 0o632), .resize(width: 0, height: 0))
        XCTAssertEqual(NcursesTerminal.decode(isKeyCode: false, code: 3), .key(.ctrl("c")))
        XCTAssertNil(NcursesTerminal.decode(isKeyCode: true, code: 0o777))
    }

    func testThemeSelection() {
        XCTAssertEqual(Theme.select(environment: ["NO_COLOR": "1"], colorsAvailable: true), .monochrome)
        XCTAssertEqual(Theme.select(environment: ["NO_COLOR": ""], colorsAvailable: true), .color)
        XCTAssertEqual(Theme.select(environment: [:], colorsAvailable: false), .monochrome)
        XCTAssertEqual(Theme.select(environment: [:], colorsAvailable: true), .color)
        // The monochrome theme distinguishes roles without colour.
        let m = Theme.monochrome
        for s in [m.normal, m.dim, m.title, m.border, m.selected, m.accent, m.success, m.warning, m.alert, m.keyHint] {
            XCTAssertEqual(s.fg, .default)
            XCTAssertEqual(s.bg, .default)
        }
        XCTAssertNotEqual(m.selected, m.normal)
        XCTAssertNotEqual(m.alert, m.warning)
    }
}
