// Looking up the recipe's problems (from parseCitRecipe) by the path of the field that shows them.
import type { CitRecipeProblem } from '../../../core/cit/recipe.ts';

/** The messages for a field: its own path and everything under it, or null. */
export type ProblemAt = (path: string) => string | null;

export function makeProblemAt(problems: readonly CitRecipeProblem[]): ProblemAt {
  return (path) => {
    const messages = problems
      .filter((problem) => problem.path === path || problem.path.startsWith(`${path}.`))
      .map((problem) => problem.message);
    return messages.length > 0 ? [...new Set(messages)].join('; ') : null;
  };
}
