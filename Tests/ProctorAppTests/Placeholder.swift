import XCTest
final class ProctorAppTestsPlaceholder: XCTestCase { func testBuilds() {} }
