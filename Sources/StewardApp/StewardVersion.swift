/// This build's version: `steward --version`, and webhooks' `User-Agent`.
public enum StewardVersion {
    public static let current = "0.1.0"
}
