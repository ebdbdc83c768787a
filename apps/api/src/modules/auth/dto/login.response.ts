import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ApiInt, ApiText } from '../../../common/http/api-schema';
import { SessionUserDto } from '../../users/dto/user.response';

@ApiSchema({ name: 'LoginResponse' })
export class LoginResponseDto {
  @ApiText(4096, {
    pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
    description: 'JWT (HS256) for the Authorization: Bearer header',
  })
  accessToken: string;
  @ApiInt(60, 3600, { description: 'lifetime of the access token in seconds (ACCESS_TOKEN_TTL_SECONDS)' }) expiresIn: number;
  @ApiProperty({ type: () => SessionUserDto }) user: SessionUserDto;
}
