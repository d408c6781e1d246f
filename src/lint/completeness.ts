import type { Project } from '../project/model.js';

/**
 * Tells whether every file of the project was read and parsed. Checks over the whole project,
 * such as "no file references this variable", report false problems when a file is missing from it.
 */
export function isFullyLoaded(project: Project): boolean {
  return project.readErrors.length === 0 && project.sources.every((source) => source.data !== undefined);
}
