import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allTools } from '../backends/all-tools.js';
import { advertisedInputSchema, leanJsonSchema } from './advertised-schema.js';

const toJson = (schema: z.ZodType) =>
  leanJsonSchema(z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>);

describe('leanJsonSchema', () => {
  it('leaves out $schema and the length and count guards the seam enforces', () => {
    const json = toJson(z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }));
    expect(json).toEqual({
      type: 'object',
      properties: { ids: { type: 'array', items: { type: 'string' } } },
      required: ['ids'],
    });
  });

  it('keeps the bounds and defaults that tell a model something', () => {
    const json = toJson(
      z.object({ limit: z.number().int().min(1).max(200).default(25), scale: z.number().min(0.5) }),
    );
    expect(json.properties).toEqual({
      limit: { default: 25, type: 'integer', maximum: 200 },
      scale: { type: 'number', minimum: 0.5 },
    });
  });

  it('leaves out defaults of false and [], which say no more than optional', () => {
    const json = toJson(
      z.object({ deleted: z.boolean().default(false), kinds: z.array(z.string()).default([]) }),
    );
    expect(json.properties).toEqual({
      deleted: { type: 'boolean' },
      kinds: { type: 'array', items: { type: 'string' } },
    });
  });

  it('leaves out the date-time regex beside format date-time', () => {
    const json = toJson(z.object({ since: z.iso.datetime({ offset: true }) }));
    expect(json.properties).toEqual({ since: { type: 'string', format: 'date-time' } });
  });

  it('keeps a pattern that stands alone', () => {
    const json = toJson(z.object({ alias: z.string().regex(/^[\w-]+$/) }));
    expect(json.properties).toEqual({ alias: { type: 'string', pattern: '^[\\w-]+$' } });
  });

  it('reads property names as names, not keywords', () => {
    const json = toJson(z.object({ pattern: z.string().max(10), default: z.boolean() }));
    expect(Object.keys(json.properties as object)).toEqual(['pattern', 'default']);
  });

  it('lists a free-form object as just an object', () => {
    const json = toJson(z.object({ filter: z.record(z.string().max(50), z.unknown()) }));
    expect(json.properties).toEqual({ filter: { type: 'object' } });
  });
});

describe('advertisedInputSchema', () => {
  it('lists every input and requirement of every tool that the seam accepts', () => {
    for (const tool of allTools()) {
      const full = z.toJSONSchema(tool.inputSchema, { io: 'input' }) as Record<string, unknown>;
      const listed = advertisedInputSchema(tool);
      expect(Object.keys(listed.properties as object), tool.name).toEqual(
        Object.keys(full.properties as object),
      );
      expect(listed.required, tool.name).toEqual(full.required);
    }
  });

  it('is converted once and frozen, since every server shares it', () => {
    const tool = allTools()[0]!;
    expect(advertisedInputSchema(tool)).toBe(advertisedInputSchema(tool));
    expect(Object.isFrozen(advertisedInputSchema(tool))).toBe(true);
  });
});
