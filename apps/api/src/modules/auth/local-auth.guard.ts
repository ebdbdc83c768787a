import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { createValidationPipe } from '../../common/http/validation';
import { LoginDto } from './dto/login.dto';

/**
 * Runs the local strategy, after validating the body like any other DTO: guards run before pipes,
 * so without this a malformed body would reach the credential check (and count as a failure).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.body = await this.pipe.transform(request.body ?? {}, { type: 'body', metatype: LoginDto, data: undefined });
    return (await super.canActivate(context)) as boolean;
  }
}
