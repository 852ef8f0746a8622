import type { Ajv, ValidateFunction } from 'ajv'
import { AssertionInputError } from './assertionValues'
import type { Verdict } from './compare'

/** Reads a schema file named in a row (`file:schemas/user.json`), relative to the workspace. */
export type SchemaFileReader = (path: string) => Promise<string>

/**
 * "Valid against JSON Schema" with ajv (draft-07 and 2019 keywords it knows; formats such
 * as email and date-time). Compiled schemas are kept by their text, so a run over many
 * iterations compiles each once.
 */
export class SchemaCheck {
  private ajv: Promise<Ajv> | null = null
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(private readonly readFile?: SchemaFileReader) {}

  /** ajv, loaded the first time a schema is checked: most sends have no schema row. */
  private validatorLibrary(): Promise<Ajv> {
    this.ajv ??= Promise.all([import('ajv'), import('ajv-formats')]).then(([ajv, formats]) => {
      const instance = new ajv.Ajv({ allErrors: true, strict: false })
      formats.default.default(instance)
      return instance
    })
    return this.ajv
  }

  async verdict(actual: unknown, expectedText: string): Promise<Verdict> {
    if (actual === undefined) return 'it is missing'
    const validate = await this.validator(expectedText)
    if (validate(actual)) return null
    const ajv = await this.validatorLibrary()
    return ajv.errorsText(validate.errors, { dataVar: 'value', separator: '; ' })
  }

  private async validator(expectedText: string): Promise<ValidateFunction> {
    const schemaText = await this.schemaText(expectedText.trim())
    const known = this.compiled.get(schemaText)
    if (known) return known
    let schema: unknown
    try {
      schema = JSON.parse(schemaText)
    } catch (error) {
      throw new AssertionInputError(`the schema is not JSON: ${(error as Error).message}`)
    }
    if (typeof schema !== 'object' && typeof schema !== 'boolean') {
      throw new AssertionInputError('the schema must be a JSON object (or true/false)')
    }
    const ajv = await this.validatorLibrary()
    let validate: ValidateFunction
    try {
      validate = ajv.compile(schema as object)
    } catch (error) {
      throw new AssertionInputError(`the schema is invalid: ${(error as Error).message}`)
    }
    this.compiled.set(schemaText, validate)
    return validate
  }

  private async schemaText(expected: string): Promise<string> {
    if (!expected.startsWith('file:')) return expected
    const path = expected.slice('file:'.length).trim()
    if (!this.readFile) {
      throw new AssertionInputError(
        `the schema file ${path} cannot be read here (no workspace is open)`,
      )
    }
    try {
      return await this.readFile(path)
    } catch (error) {
      throw new AssertionInputError(
        `the schema file ${path} could not be read: ${(error as Error).message}`,
      )
    }
  }
}
