import { ParseUUIDPipe } from '@nestjs/common';
import { CommonErrors } from '../errors/app-error';

/**
 * A record id in the path: anything but a UUID cannot exist, so it is a 404 like any unknown id.
 * `notFound` builds the feature's own "not found" error (default: the common NOT_FOUND).
 */
export const UuidParam = (notFound: () => Error = () => CommonErrors.NOT_FOUND()) =>
  new ParseUUIDPipe({ exceptionFactory: () => notFound() });
