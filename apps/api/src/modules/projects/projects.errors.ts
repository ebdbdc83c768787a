import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the projects register. Problems with one field carry `details` naming it. */
export const ProjectErrors = defineErrors({
  /** unknown, other tenant, or outside what the caller may read: the same answer */
  PROJECT_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Project not found' },
  /** the same clientId was already used for a different project */
  PROJECT_CLIENT_ID_CONFLICT: {
    status: HttpStatus.CONFLICT,
    message: 'This clientId was already used for a different project: generate a new clientId for a new project',
  },
  /** another project of the tenant has this code (case ignored) */
  PROJECT_CODE_TAKEN: { status: HttpStatus.BAD_REQUEST, message: 'Another project of your metropolitan city has this code' },
  /** another project of the tenant has this CUP */
  PROJECT_CUP_TAKEN: { status: HttpStatus.BAD_REQUEST, message: 'Another project of your metropolitan city has this CUP' },
  /** a project past the idea needs its CUP */
  PROJECT_CUP_REQUIRED: { status: HttpStatus.BAD_REQUEST, message: 'A project needs its CUP unless it is still an idea' },
  /** the end date is before the start date */
  PROJECT_DATES_ORDER: { status: HttpStatus.BAD_REQUEST, message: 'The end date cannot be before the start date' },
  /** a municipality ISTAT code that is not of the tenant */
  PROJECT_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
  /** an organization (beneficiary or implementing body) that is not of the tenant */
  PROJECT_ORGANIZATION_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown organization' },
  /** a linked initiative, building or activity that is not of the tenant or that the caller may not read */
  PROJECT_LINK_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown linked record' },
  /** a beneficiary listed twice */
  PROJECT_BENEFICIARY_REPEATED: { status: HttpStatus.BAD_REQUEST, message: 'An organization is listed twice among the beneficiaries' },
  /** legal commitments above the admitted amount */
  PROJECT_COMMITTED_OVER_ADMITTED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The legally committed amount cannot exceed the amount admitted to funding',
  },
  /** payments above the commitments */
  PROJECT_PAID_OVER_COMMITTED: { status: HttpStatus.BAD_REQUEST, message: 'The paid amount cannot exceed the legally committed amount' },
  /** a snapshot for this date exists */
  PROJECT_PROGRESS_DATE_TAKEN: { status: HttpStatus.BAD_REQUEST, message: 'The project already has figures for this date' },
  /** a snapshot dated in the future */
  PROJECT_PROGRESS_DATE_FUTURE: { status: HttpStatus.BAD_REQUEST, message: 'Figures cannot be dated in the future' },
});
