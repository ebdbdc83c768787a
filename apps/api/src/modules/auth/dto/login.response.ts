import { ApiProperty } from '@nestjs/swagger';
import type { LoginResponse, SessionUser } from '@trama/contracts';
import { SessionUserDto } from '../../users/dto/user.response';

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'JWT (HS256) for the Authorization: Bearer header' }) accessToken: string;
  @ApiProperty({ description: 'Lifetime of the access token in seconds' }) expiresIn: number;
  @ApiProperty({ type: SessionUserDto }) user: SessionUser;
}
