import { z } from 'zod';
import { cursorInput, includeSystemTagsInput, limitInput } from '../shared/common-inputs.js';

/** Input fields the registry, logged-model and prompt tools share, described once. */

export const modelNameInput = z.string().min(1).max(500);

export const versionInput = z.union([
  z.string().regex(/^\d+$/, 'Versions are whole numbers such as "2".'),
  z.number().int().min(1),
]);

export const aliasInput = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\w-]+$/, "Aliases use letters, digits, '_' and '-'.");

/** Aliases MLflow reserves (utils/validation._validate_model_alias_name_reserved). */
export const settableAliasInput = aliasInput.refine(
  (alias) => alias.toLowerCase() !== 'latest' && !/^v\d+$/i.test(alias),
  '"latest" and v<number> (e.g. v3) are reserved alias names.',
);

export { tagKeyInput, writableTagKeyInput } from '../shared/common-inputs.js';

export const tagValueInput = z.string().max(8000);

export const tagsMapInput = z
  .record(z.string().min(1).max(250), z.string().max(8000))
  .refine((tags) => Object.keys(tags).length <= 50, 'At most 50 tags per call.')
  .refine(
    (tags) => Object.keys(tags).every((key) => !key.startsWith('mlflow.')),
    'Keys starting with "mlflow." are reserved for MLflow.',
  );

export const descriptionInput = z.string().max(20_000);

/** The input of a registry search tool; `orderByHelp` describes its order and default. */
export function registrySearchInput(orderByHelp: string) {
  return z.object({
    filter: z.string().max(1000).optional(),
    orderBy: z.array(z.string().min(1).max(100)).max(5).optional().describe(orderByHelp),
    limit: limitInput(25, 1000),
    cursor: cursorInput,
    includeSystemTags: includeSystemTagsInput,
  });
}
