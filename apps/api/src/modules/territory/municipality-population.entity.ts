import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Residents of a municipality in a year (per-capita indicators: the latest year ≤ the period's
 * year, else the earliest known). Filled by the territory import: the file's population (its
 * `population_year`) and the ISTAT census of 1 January 2021 from `population-sources.csv`.
 */
@Entity({ name: 'municipality_populations' })
export class MunicipalityPopulation {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'int' })
  population: number;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
