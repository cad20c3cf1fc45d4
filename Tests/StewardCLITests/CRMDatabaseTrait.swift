import StewardApp
import StewardCRM
import StewardTesting
import Testing

extension Trait where Self == SQLiteDatabaseTrait {
    /// A fresh store with the CRM's tables.
    static var crmDatabase: Self { Self(schema: StewardStore.schema) }
}
