import XCTest
final class StudyCoreTestsPlaceholder: XCTestCase { func testBuilds() {} }
