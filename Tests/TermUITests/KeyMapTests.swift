import XCTest

@testable import TermUI

final class KeyMapTests: XCTestCase {
    enum Act: Equatable, Sendable { case up, down, open, quit }

    let map = KeyMap<Act>([
        KeyBinding([.up, .char("k")], .up, bar: ("↑↓", "move"), help: ("↑/↓  k/j", "move")),
        KeyBinding([.down, .char("j")], .down),
        KeyBinding([.enter], .open, bar: ("Enter", "open"), help: ("Enter", "open the row")),
        KeyBinding([.char("q")], .quit, help: ("q", "quit")),
    ])

    func testOneListDrivesTheHandlerTheBarAndTheHelp() {
        XCTAssertEqual(map.action(for: .char("j")), .down)
        XCTAssertEqual(map.action(for: .enter), .open)
        XCTAssertNil(map.action(for: .char("x")))
        XCTAssertEqual(map.barHints.map(\.0), ["↑↓", "Enter"])
        XCTAssertEqual(map.helpHints.map(\.0), ["↑/↓  k/j", "Enter", "q"])
    }

    func testMergingKeepsEachHelpLineOnce() {
        let other = KeyMap<Act>([
            KeyBinding([.enter], .open, help: ("Enter", "open the row")),
            KeyBinding([.char("x")], .quit, help: ("x", "close")),
        ])
        XCTAssertEqual(map.merged(with: other).helpHints.map(\.0), ["↑/↓  k/j", "Enter", "q", "x"])
        XCTAssertEqual(map.merged(with: other).action(for: .char("x")), .quit)
    }
}
