import XCTest

@testable import TermUI

final class LayoutTests: XCTestCase {
    func testFixedFillFixedRows() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = r.rows(.fixed(1), .fill, .fixed(1))
        XCTAssertEqual(
            rows,
            [
                Rect(x: 0, y: 0, width: 80, height: 1),
                Rect(x: 0, y: 1, width: 80, height: 22),
                Rect(x: 0, y: 23, width: 80, height: 1),
            ])
    }

    func testPercentAndFillColumns() {
        let r = Rect(x: 2, y: 3, width: 100, height: 10)
        let cols = r.columns(.percent(30), .fill)
        XCTAssertEqual(cols.map(\.width), [30, 70])
        XCTAssertEqual(cols.map(\.x), [2, 32])
        XCTAssertEqual(cols[1].y, 3)
        XCTAssertEqual(cols[1].height, 10)
    }

    func testMinGrowsAndFillSharesEqually() {
        XCTAssertEqual(Layout.sizes([.min(10), .fill], total: 30), [20, 10])
        XCTAssertEqual(Layout.sizes([.fill, .fill, .fill], total: 10), [4, 3, 3])
        XCTAssertEqual(Layout.sizes([.fixed(3), .min(2)], total: 4), [3, 1])
    }

    func testOverSubscribedConstraintsNeverExceedTotal() {
        XCTAssertEqual(Layout.sizes([.fixed(10), .fixed(10), .fill], total: 15), [10, 5, 0])
        XCTAssertEqual(Layout.sizes([.percent(80), .percent(80)], total: 10), [8, 2])
        for total in 0...12 {
            let s = Layout.sizes([.fixed(4), .percent(50), .min(3), .fill], total: total, spacing: 1)
            XCTAssertTrue(s.allSatisfy { $0 >= 0 })
            XCTAssertLessThanOrEqual(s.reduce(0, +), max(0, total - 3))
        }
    }

    func testSpacingBetweenSegments() {
        let cols = Rect(x: 0, y: 0, width: 11, height: 1).columns(.fill, .fill, spacing: 1)
        XCTAssertEqual(cols.map(\.x), [0, 6])
        XCTAssertEqual(cols.map(\.width), [5, 5])
    }

    func testInsetAndCentered() {
        let r = Rect(x: 0, y: 0, width: 10, height: 6)
        XCTAssertEqual(r.inset(by: 1), Rect(x: 1, y: 1, width: 8, height: 4))
        XCTAssertEqual(r.inset(horizontal: 2), Rect(x: 2, y: 0, width: 6, height: 6))
        XCTAssertEqual(r.inset(by: 10), Rect(x: 10, y: 6, width: 0, height: 0))
        XCTAssertEqual(r.centered(width: 4, height: 2), Rect(x: 3, y: 2, width: 4, height: 2))
        XCTAssertEqual(r.centered(width: 40, height: 20), r)
        XCTAssertTrue(Rect(x: 0, y: 0, width: 2, height: 2).intersection(Rect(x: 5, y: 5, width: 1, height: 1)).isEmpty)
    }
}
