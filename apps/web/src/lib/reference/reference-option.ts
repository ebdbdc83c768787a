/** A choice in a select or a picker built from reference data. */
export interface ReferenceOption {
  code: string;
  name: string;
  /** municipalities: the name of their social area */
  group?: string;
}
