import Foundation
import TermUI

/// What every screen provides: its header title and help name, its keys (one `KeyMap` behind
/// both the status bar and the help), its update (a key in, an `Outcome` out) and its view.
/// Adding a screen is one file that conforms; the app reaches screens only through this.
protocol AppScreen: Equatable, Sendable {
    /// The help overlay's heading ("Keys: Exam guide").
    var helpName: String { get }
    /// The header's title.
    var title: String { get }
    /// The status bar's hints for the screen's current state.
    var hints: [(String, String)] { get }
    /// Every key of the screen, for the help overlay.
    var helpKeys: [(String, String)] { get }
    /// What the header shows on the right (a countdown, a progress text), if anything.
    func status(now: Date) -> Chrome.Status?
    /// Seconds between ticks the screen needs (nil: none).
    var tickInterval: Double? { get }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome
    mutating func tick(context: inout AppContext) -> Outcome
    /// Keeps scroll offsets consistent with the terminal size.
    mutating func syncLayout(context: AppContext)
    func render(in area: Rect, on canvas: inout Canvas, context: AppContext)
}

extension AppScreen {
    var helpName: String { title }
    func status(now: Date) -> Chrome.Status? { nil }
    var tickInterval: Double? { nil }
    mutating func tick(context: inout AppContext) -> Outcome { .none }
    mutating func syncLayout(context: AppContext) {}

    fileprivate func isEqual(to other: any AppScreen) -> Bool { (other as? Self) == self }
}

/// One entry of the screen stack: any screen, compared by value.
public struct Screen: Equatable, Sendable {
    var model: any AppScreen

    init(_ model: some AppScreen) { self.model = model }

    /// The screen as its own type, when it is one.
    func `as`<S: AppScreen>(_ type: S.Type) -> S? { model as? S }

    public static func == (a: Screen, b: Screen) -> Bool { a.model.isEqual(to: b.model) }

    /// Runs a mutating step on the screen inside.
    mutating func update<R>(_ body: (inout any AppScreen) -> R) -> R { body(&model) }

    static func home(_ s: HomeScreen) -> Screen { Screen(s) }
    static func outline(_ s: OutlineScreen) -> Screen { Screen(s) }
    static func practice(_ s: PracticeScreen) -> Screen { Screen(s) }
    static func exam(_ s: ExamScreen) -> Screen { Screen(s) }
    static func results(_ s: ResultsScreen) -> Screen { Screen(s) }
    static func review(_ s: ReviewScreen) -> Screen { Screen(s) }
    static func stats(_ s: StatsScreen) -> Screen { Screen(s) }
    static func history(_ s: ExamHistoryScreen) -> Screen { Screen(s) }
}
