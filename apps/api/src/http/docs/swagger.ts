import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../problem/problem-details';
import { LICENSE_PATH } from './license';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Primetrade API')
    .setDescription('Tasks for people and API consumers. Errors are RFC 9457 application/problem+json.')
    .setVersion('1.0')
    // Same origin as the document by default (an empty origin): Swagger UI and the generated SDK
    // call the server that served it; a client elsewhere sets the origin.
    .addServer('{origin}', 'This server', {
      origin: {
        default: '',
        description: 'Scheme, host and port, e.g. https://tasks.example.com (empty: the origin that served this document)',
      },
    })
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Clean SDK method names: the controller method name is the operation id.
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDetailsDto],
  });
  // Proprietary (package.json: UNLICENSED): the terms are served by the API itself.
  document.info.license = { name: 'Proprietary: all rights reserved', url: LICENSE_PATH };
  return withTransportProblems(withExplicitPublicOperations(document));
}

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } };

/**
 * Answers the HTTP layer gives before any handler runs, on every operation that can meet them:
 * 431 (request line and headers too large) everywhere, 413 (body over the limit) and 415 (a body
 * of another media type) wherever a body is taken. Declared once here rather than on each route;
 * the fuzz test (apps/api/test/fuzz) holds every answer to the document.
 */
function withTransportProblems(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = path[method];
      if (!operation) continue;
      const add = (status: number, description: string) => {
        operation.responses[String(status)] ??= { description, content: PROBLEM };
      };
      add(431, 'Request headers too large');
      if (operation.requestBody) {
        add(413, 'Body larger than the limit');
        add(415, 'Body of an unsupported media type');
      }
    }
  }
  return document;
}

/**
 * Protected operations carry `security: [{ bearer: [] }]` (@ApiBearerAuth); the @Public() ones
 * carry none. Say so explicitly (`security: []`), so consumers and linters need not guess.
 */
function withExplicitPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = path[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}

export function mountSwagger(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { persistAuthorization: true } });
}
