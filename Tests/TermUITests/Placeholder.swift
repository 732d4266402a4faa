import XCTest
final class TermUITestsPlaceholder: XCTestCase { func testBuilds() {} }
