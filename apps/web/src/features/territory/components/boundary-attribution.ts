/** The licence of the boundaries requires this credit wherever they are drawn (not translated: it is a name). */
export const BOUNDARY_ATTRIBUTION = 'ISTAT – confini amministrativi, elaborazione openpolis';
