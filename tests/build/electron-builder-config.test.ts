// build/electron-builder.yml cannot be exercised here (its targets download tools), so it is
// validated against the installed electron-builder's own schema and its key facts are checked.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-workspace';

const require = createRequire(import.meta.url);
// Both come with electron-builder (a dev dependency): its YAML reader and its validator.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const config = yaml.load(readFileSync(path.join(repoRoot, 'build/electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Config;

describe('electron-builder configuration', () => {
  it('is valid for the installed electron-builder', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be rejected with a misspelt key (the validation can fail)', async () => {
    const broken = structuredClone(config);
    broken.electronFuses.runAsNodee = false;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration.electronFuses/);
  });

  it('builds Linux AppImage and deb, macOS dmg and Windows nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Specdeck');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('rebuilds native modules for Electron and keeps them out of the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/@parcel/watcher/**']));
    for (const dep of ['better-sqlite3', '@parcel/watcher']) expect(pkg.dependencies[dep], `${dep} is a production dependency`).toBeTruthy();
  });

  it('packs what the main process loads, and the sample project', () => {
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**']));
    expect(config.extraResources).toContainEqual({ from: 'resources/sample-project', to: 'sample-project' });
    expect(existsSync(path.join(repoRoot, 'resources/sample-project'))).toBe(true);
  });

  it('points at icon and entitlement files that exist', () => {
    const icon = readFileSync(path.join(repoRoot, config.linux.icon));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // macOS needs at least 512×512
    expect(icon.readUInt32BE(20)).toBe(icon.readUInt32BE(16));
    for (const key of ['entitlements', 'entitlementsInherit']) {
      expect(readFileSync(path.join(repoRoot, config.mac[key]), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    }
  });

  it('agrees with resources/specdeck.desktop', () => {
    const desktop = Object.fromEntries(
      readFileSync(path.join(repoRoot, 'resources/specdeck.desktop'), 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(desktop.Type).toBe('Application');
    for (const [key, value] of Object.entries(config.linux.desktop.entry as Record<string, string>)) expect(desktop[key], key).toBe(value);
    expect(desktop.Exec).toMatch(/^specdeck\b/);
    expect(config.executableName).toBe('specdeck');
  });
});
