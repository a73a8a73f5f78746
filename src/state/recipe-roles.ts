// Which provider and model serve each LLM role of a CIT recipe: the recipe's override when it
// names one, else the Settings page's assignment. Shown before a run starts, and what blocks the
// start when a role the recipe needs has nobody to serve it.
import type { CitRecipeSettings, CitRole } from '../core/cit/recipe.ts';
import type { ProviderConfig, RoleAssignments } from '../db/provider-settings.ts';

/** Who serves one role, as a person reads it. */
export interface RoleServer {
  role: CitRole;
  /** Whether the recipe needs the role (raters only when they are switched on). */
  isNeeded: boolean;
  /** 'recipe': the recipe overrides Settings; 'settings': Settings' assignment; 'none'. */
  source: 'recipe' | 'settings' | 'none';
  providerId: string | null;
  providerName: string | null;
  model: string | null;
  /** Why the role cannot be served, for a person; null when it can. */
  problem: string | null;
}

export const ROLE_LABELS: Record<CitRole, string> = {
  'code-writer': 'Code writer',
  'qa-writer': 'Q&A writer',
  'chart-rater': 'Chart rater (vision)',
  'qa-rater': 'Q&A rater (vision)',
};

export function isRoleNeeded(recipe: CitRecipeSettings, role: CitRole): boolean {
  if (role === 'chart-rater') return recipe.chartRating.enabled;
  if (role === 'qa-rater') return recipe.qaRating.enabled;
  return true;
}

export function resolveRoleServer(
  recipe: CitRecipeSettings,
  role: CitRole,
  providers: readonly ProviderConfig[],
  assigned: RoleAssignments,
): RoleServer {
  const override = recipe.roles[role];
  const fromSettings = assigned[role];
  const source = override.providerId ? 'recipe' : fromSettings ? 'settings' : 'none';
  const providerId = override.providerId ?? fromSettings?.providerId ?? null;
  const provider = providers.find((p) => p.id === providerId) ?? null;
  // Settings' model counts whenever Settings assigns the same provider (as the pipeline reads it).
  const assignedModel = fromSettings?.providerId === providerId ? fromSettings.model || null : null;
  const model = override.model ?? assignedModel ?? (provider?.model || null);
  let problem: string | null = null;
  if (source === 'none') problem = 'No provider is assigned to this role.';
  else if (!provider)
    problem =
      source === 'recipe'
        ? 'The recipe names a provider that is no longer in Settings.'
        : 'The assigned provider is no longer in Settings.';
  else if (!model) problem = `No model is chosen for ${provider.name}.`;
  return {
    role,
    isNeeded: isRoleNeeded(recipe, role),
    source,
    providerId,
    providerName: provider?.name ?? null,
    model,
    problem,
  };
}

export function resolveRoleServers(
  recipe: CitRecipeSettings,
  providers: readonly ProviderConfig[],
  assigned: RoleAssignments,
): RoleServer[] {
  return (Object.keys(ROLE_LABELS) as CitRole[]).map((role) =>
    resolveRoleServer(recipe, role, providers, assigned),
  );
}

/** Why the run cannot start (one line per role the recipe needs and nobody serves). */
export function findRoleBlockers(servers: readonly RoleServer[]): string[] {
  return servers
    .filter((server) => server.isNeeded && server.problem)
    .map((server) => `${ROLE_LABELS[server.role]}: ${server.problem}`);
}
