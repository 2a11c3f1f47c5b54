// Types of snapshot-validator.generated.js (ajv standalone code for schemas/snapshot.schema.json).
export interface SnapshotValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type SnapshotValidator = ((data: unknown) => boolean) & { errors?: SnapshotValidationError[] | null };

export const validate: SnapshotValidator;
export default validate;
