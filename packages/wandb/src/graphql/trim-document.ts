import { createRequire } from 'node:module';
import type { ASTNode } from 'graphql';
import type { GraphqlDocument } from './graphql-document.js';
import { OPTIONAL_FIELDS, type ServerFields } from './server-fields.js';

/** A document cut to what one server provides. */
export interface TrimmedDocument<T> {
  document: GraphqlDocument<T>;
  /** Optional fields ("Type.field") left out because the server lacks them. */
  omitted: string[];
  /** Required fields ("Type.field") the server lacks: the document cannot be answered. */
  missing: string[];
}

const cache = new WeakMap<ServerFields, Map<string, TrimmedDocument<unknown>>>();

/**
 * Leaves out of `document` the fields the server lacks. Only selections written inside a
 * fragment or inline fragment on an introspected type are checked (`... on Run { systemMetrics
 * }`), so every trimmable field sits where its type is known without a schema. An optional field
 * the server lacks is dropped; a required one is reported in `missing`. Cached per server.
 */
export function trimDocument<T>(
  document: GraphqlDocument<T>,
  fields: ServerFields,
): TrimmedDocument<T> {
  let perServer = cache.get(fields);
  if (!perServer) {
    perServer = new Map();
    cache.set(fields, perServer);
  }
  const hit = perServer.get(document.name);
  if (hit) return hit as TrimmedDocument<T>;
  const omitted = new Set<string>();
  const missing = new Set<string>();
  // The type each open selection set belongs to, when a fragment names it; undefined under fields.
  const scopes: (string | undefined)[] = [];
  const enterScope = (node: { typeCondition?: { name: { value: string } } | undefined }) => {
    scopes.push(node.typeCondition?.name.value);
  };
  const leaveScope = () => {
    scopes.pop();
  };
  const { parse, print, visit } = loadGraphql();
  const trimmed = visit(parse(document.text), {
    FragmentDefinition: { enter: enterScope, leave: leaveScope },
    InlineFragment: { enter: enterScope, leave: leaveScope },
    Field: {
      enter(node) {
        const type = scopes.at(-1);
        const provided = type ? fields.get(type) : undefined;
        const name = node.name.value;
        if (provided && !name.startsWith('__') && !provided.has(name)) {
          const key = `${type}.${name}`;
          if (OPTIONAL_FIELDS[type!]?.includes(name)) {
            omitted.add(key);
            return null;
          }
          missing.add(key);
        }
        scopes.push(undefined);
        return undefined;
      },
      leave: leaveScope,
    },
  });
  const result: TrimmedDocument<T> = {
    document:
      omitted.size === 0
        ? document
        : { ...document, text: print(dropEmptyInlineFragments(trimmed)) },
    omitted: [...omitted].sort(),
    missing: [...missing].sort(),
  };
  perServer.set(document.name, result as TrimmedDocument<unknown>);
  return result;
}

/** `... on Run { systemMetrics }` with its only field removed is not valid GraphQL: drop it. */
function dropEmptyInlineFragments(ast: ASTNode): ASTNode {
  return loadGraphql().visit(ast, {
    InlineFragment: {
      leave(node) {
        return node.selectionSet.selections.length === 0 ? null : undefined;
      },
    },
    Field: {
      leave(node) {
        return node.selectionSet && node.selectionSet.selections.length === 0 ? null : undefined;
      },
    },
  });
}

/**
 * graphql-js (~130 modules), loaded on the first document trimmed, not when the server starts;
 * its CommonJS build, so the load is synchronous.
 */
function loadGraphql(): typeof import('graphql') {
  return createRequire(import.meta.url)('graphql') as typeof import('graphql');
}
