import { ParseUUIDPipe } from '@nestjs/common';
import { CommonErrors } from '../../../common/errors/app-error';

/** A record id in the path: anything but a UUID cannot exist, so it is a 404 like any unknown id. */
export const IdParam = () => new ParseUUIDPipe({ exceptionFactory: () => CommonErrors.NOT_FOUND() });
