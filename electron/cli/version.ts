// The version reports name (SARIF's tool.driver.version, JSON's tool.version); a test keeps it
// equal to package.json's.
export const SPECDECK_VERSION = '0.1.0';
