import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the map. */
export const MapErrors = defineErrors({
  /** a layer of MAP_LAYERS whose register is not served by this version of the API yet */
  MAP_LAYER_UNAVAILABLE: { status: HttpStatus.NOT_FOUND, message: 'This map layer is not available' },
});
