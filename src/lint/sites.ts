/**
 * Where a setting is written: the project defaults once, then each org that sets its own value.
 * Rules about a value itself (its format, its lifecycle) check each place once, so a bad
 * default is reported at `defaults` and not again for every org that inherits it.
 */
import type { Project } from '../project/model.js';
import type { DataPath, YamlSource } from '../project/yaml-source.js';
import { asMap } from './org-view.js';

/** One written value of a setting. */
export interface Site {
  readonly source: YamlSource;
  readonly path: DataPath;
  readonly value: unknown;
  /** How messages name the place: `defaults` or `org "prod"`. */
  readonly subject: string;
}

/** A written login URL that is a literal URL, with its host name in lower case. */
export interface LoginHostSite extends Site {
  readonly value: string;
  readonly host: string;
}

/**
 * Sites and login hosts by project, computed once: eight rules read them, and parsing every
 * login URL of 10,000 orgs once per rule was a measurable part of a lint run.
 */
const sitesByProject = new WeakMap<Project, Map<string, readonly Site[]>>();
const loginHostsByProject = new WeakMap<Project, readonly LoginHostSite[]>();

/** Lists every login URL that lint can check: strings without references that parse as URLs. */
export function loginHostSites(project: Project): readonly LoginHostSite[] {
  const cached = loginHostsByProject.get(project);
  if (cached) return cached;
  const sites: LoginHostSite[] = [];
  for (const site of sitesOf(project, 'loginUrl')) {
    if (typeof site.value !== 'string' || site.value.includes('${')) continue;
    let host: string;
    try {
      host = new URL(site.value.trim()).hostname.toLowerCase();
    } catch {
      continue; // login-url-format reports it
    }
    sites.push({ ...site, value: site.value, host });
  }
  loginHostsByProject.set(project, sites);
  return sites;
}

/** Lists every place that writes `key` (`apiVersion`, `loginUrl`, `sandbox`). */
export function sitesOf(project: Project, key: string): readonly Site[] {
  let byKey = sitesByProject.get(project);
  if (!byKey) {
    byKey = new Map();
    sitesByProject.set(project, byKey);
  }
  const cached = byKey.get(key);
  if (cached) return cached;
  const sites: Site[] = [];
  const root = project.sources[0];
  const defaults = root ? asMap(asMap(root.data)?.defaults) : undefined;
  if (root && defaults && key in defaults) sites.push({ source: root, path: ['defaults', key], value: defaults[key], subject: 'defaults' });
  for (const source of project.sources) {
    for (const [name, raw] of Object.entries(asMap(asMap(source.data)?.orgs) ?? {})) {
      const org = asMap(raw);
      if (org && key in org) sites.push({ source, path: ['orgs', name, key], value: org[key], subject: `org "${name}"` });
    }
  }
  byKey.set(key, sites);
  return sites;
}
