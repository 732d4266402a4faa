import Foundation
import XCTest

@testable import StudyCore

final class BackgroundTaskTests: XCTestCase {
    struct Failed: Error, Equatable {}

    /// A throwing closure's error reaches the caller of value(); it must never trap (a damaged
    /// database opened during start-up is reported this way).
    func testTheClosuresErrorReachesTheCaller() {
        let task = BackgroundTask { () throws -> Int in throw Failed() }
        XCTAssertThrowsError(try task.value()) { XCTAssertEqual($0 as? Failed, Failed()) }
        XCTAssertEqual(try BackgroundTask { () throws -> Int in 7 }.value(), 7)
    }

    func testANonThrowingClosureRunsOnItsOwnBigStack() {
        let task = BackgroundTask(name: "probe", stackSize: parsingStackSize) { Thread.current.stackSize }
        XCTAssertGreaterThanOrEqual(task.value(), parsingStackSize)
    }
}
