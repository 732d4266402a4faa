import Foundation

/// A question's reference: a page title, and the page's address when the pack gives one as
/// "Title <https://...>" (the older form, a bare title, is still accepted).
public struct Reference: Sendable, Hashable {
    public let title: String
    public let url: String?

    /// Hosts a pack may link to unless its exam.yaml lists its own (`link_hosts`).
    public static let defaultHosts: Set<String> = ["cloud.google.com", "docs.cloud.google.com"]

    public init(parsing text: String) {
        if text.hasSuffix(">"), let open = text.range(of: " <", options: .backwards) {
            title = String(text[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            url = String(text[open.upperBound..<text.index(before: text.endIndex)])
        } else {
            title = text
            url = nil
        }
    }

    /// Why the link cannot be used, or nil when it is a well-formed https address on an allowed
    /// host. Only plain address characters pass, so a link can never carry an escape sequence
    /// or a quote out of the pack into a terminal or an HTML attribute.
    public func problem(allowedHosts: Set<String>) -> String? {
        guard let url else { return nil }
        if title.isEmpty { return "a link needs a title before its <address>" }
        guard url.hasPrefix("https://") else { return "link '\(url)' must start with https://" }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
        if let bad = url.first(where: { !allowed.contains($0) }) {
            return
                "link '\(url)' has a character an address cannot have (\(bad.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined()))"
        }
        let rest = url.dropFirst("https://".count)
        let host = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        guard !host.isEmpty else { return "link '\(url)' has no host" }
        guard allowedHosts.contains(host) else {
            return "link '\(url)' points at \(host), which is not a documentation host of this pack "
                + "(allowed: \(allowedHosts.sorted().joined(separator: ", ")); add it to link_hosts in exam.yaml)"
        }
        return nil
    }
}
