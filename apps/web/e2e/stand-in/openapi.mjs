// A provisional OpenAPI document written from the API contract in the brief, used only until
// apps/api/openapi.json exists: the SDK is generated from it and the stand-in server follows it.
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema) => ({ content: { 'application/json': { schema } } });
const problem = (description) => ({ description, content: { 'application/problem+json': { schema: ref('ProblemDetails') } } });
const bearer = [{ bearer: [] }];
const str = { type: 'string' };
const dateTime = { type: 'string', format: 'date-time' };
const statusEnum = { type: 'string', enum: ['todo', 'in_progress', 'completed', 'cancelled'] };
const priorityEnum = { type: 'string', enum: ['low', 'medium', 'high', 'urgent'] };
const idParam = { name: 'id', in: 'path', required: true, schema: str };

export const openApi = {
  openapi: '3.0.0',
  info: { title: 'Primetrade API (stand-in)', version: '1.0.0' },
  paths: {
    '/api/v1/auth/register': { post: { operationId: 'register', tags: ['auth'], requestBody: { required: true, ...json(ref('RegisterRequest')) }, responses: { 201: { description: 'Created', ...json(ref('UserResponse')) }, 400: problem('Validation'), 409: problem('Duplicate email') } } },
    '/api/v1/auth/login': { post: { operationId: 'login', tags: ['auth'], requestBody: { required: true, ...json(ref('LoginRequest')) }, responses: { 200: { description: 'OK', ...json(ref('TokenResponse')) }, 401: problem('Bad credentials') } } },
    '/api/v1/auth/refresh': { post: { operationId: 'refresh', tags: ['auth'], requestBody: { required: true, ...json(ref('RefreshRequest')) }, responses: { 200: { description: 'OK', ...json(ref('TokenResponse')) }, 401: problem('Invalid refresh token') } } },
    '/api/v1/auth/logout': { post: { operationId: 'logout', tags: ['auth'], requestBody: { required: true, ...json(ref('RefreshRequest')) }, responses: { 204: { description: 'Logged out' } } } },
    '/api/v1/users/me': { get: { operationId: 'getMe', tags: ['users'], security: bearer, responses: { 200: { description: 'OK', ...json(ref('UserResponse')) }, 401: problem('Unauthorized') } } },
    '/api/v1/tasks': {
      post: { operationId: 'createTask', tags: ['tasks'], security: bearer, requestBody: { required: true, ...json(ref('CreateTaskRequest')) }, responses: { 201: { description: 'Created', ...json(ref('TaskResponse')) }, 400: problem('Validation'), 429: problem('Too many') } },
      get: {
        operationId: 'listTasks', tags: ['tasks'], security: bearer,
        parameters: [
          { name: 'status', in: 'query', required: false, schema: { type: 'array', items: statusEnum } },
          { name: 'priority', in: 'query', required: false, schema: { type: 'array', items: priorityEnum } },
          { name: 'tag', in: 'query', required: false, schema: str },
          { name: 'dueBefore', in: 'query', required: false, schema: dateTime },
          { name: 'dueAfter', in: 'query', required: false, schema: dateTime },
          { name: 'overdue', in: 'query', required: false, schema: { type: 'boolean' } },
          { name: 'q', in: 'query', required: false, schema: str },
          { name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: ['createdAt', 'updatedAt', 'dueDate', 'priority'] } },
          { name: 'order', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'] } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'cursor', in: 'query', required: false, schema: str },
        ],
        responses: { 200: { description: 'OK', ...json(ref('TaskPage')) }, 400: problem('Validation') },
      },
    },
    '/api/v1/tasks/stats/overview': { get: { operationId: 'getTaskStats', tags: ['tasks'], security: bearer, responses: { 200: { description: 'OK', ...json(ref('TaskStatsResponse')) } } } },
    '/api/v1/tasks/{id}': {
      get: { operationId: 'getTask', tags: ['tasks'], security: bearer, parameters: [idParam], responses: { 200: { description: 'OK', ...json(ref('TaskResponse')) }, 404: problem('Not found') } },
      patch: { operationId: 'updateTask', tags: ['tasks'], security: bearer, parameters: [idParam, { name: 'If-Match', in: 'header', required: false, schema: str }], requestBody: { required: true, ...json(ref('UpdateTaskRequest')) }, responses: { 200: { description: 'OK', ...json(ref('TaskResponse')) }, 400: problem('Validation'), 404: problem('Not found'), 409: problem('Conflict'), 412: problem('Stale') } },
      delete: { operationId: 'deleteTask', tags: ['tasks'], security: bearer, parameters: [idParam], responses: { 204: { description: 'Deleted' }, 404: problem('Not found') } },
    },
    '/api/v1/tasks/{id}/complete': { put: { operationId: 'completeTask', tags: ['tasks'], security: bearer, parameters: [idParam], responses: { 200: { description: 'OK', ...json(ref('TaskResponse')) }, 404: problem('Not found'), 409: problem('Conflict') } } },
    '/api/v1/health': { get: { operationId: 'health', tags: ['health'], responses: { 200: { description: 'OK' } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: {
      ProblemDetails: { type: 'object', required: ['type', 'title', 'status'], properties: { type: str, title: str, status: { type: 'integer' }, detail: str, instance: str, correlationId: str, errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: str, message: str } } } } },
      RegisterRequest: { type: 'object', required: ['name', 'email', 'password'], properties: { name: str, email: { type: 'string', format: 'email' }, password: { type: 'string', minLength: 8 } } },
      LoginRequest: { type: 'object', required: ['email', 'password'], properties: { email: str, password: str } },
      RefreshRequest: { type: 'object', required: ['refreshToken'], properties: { refreshToken: str } },
      UserResponse: { type: 'object', required: ['id', 'name', 'email', 'createdAt'], properties: { id: str, name: str, email: str, createdAt: dateTime } },
      TokenResponse: { type: 'object', required: ['accessToken', 'refreshToken', 'tokenType', 'expiresIn', 'refreshExpiresIn'], properties: { accessToken: str, refreshToken: str, tokenType: { type: 'string', enum: ['Bearer'] }, expiresIn: { type: 'integer' }, refreshExpiresIn: { type: 'integer' } } },
      CreateTaskRequest: { type: 'object', required: ['title'], properties: { title: { type: 'string', minLength: 1, maxLength: 200 }, description: { type: 'string', maxLength: 5000 }, status: statusEnum, priority: priorityEnum, dueDate: dateTime, tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 32 } } } },
      UpdateTaskRequest: { type: 'object', properties: { title: { type: 'string', minLength: 1, maxLength: 200 }, description: { type: 'string', maxLength: 5000 }, status: statusEnum, priority: priorityEnum, dueDate: { ...dateTime, nullable: true }, tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 32 } } } },
      TaskResponse: { type: 'object', required: ['id', 'title', 'description', 'status', 'priority', 'dueDate', 'tags', 'createdAt', 'updatedAt', 'completedAt', 'version'], properties: { id: str, title: str, description: str, status: statusEnum, priority: priorityEnum, dueDate: { ...dateTime, nullable: true }, tags: { type: 'array', items: str }, createdAt: dateTime, updatedAt: dateTime, completedAt: { ...dateTime, nullable: true }, version: { type: 'integer' } } },
      TaskPage: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: ref('TaskResponse') }, nextCursor: { type: 'string', nullable: true } } },
      TaskStatsResponse: { type: 'object', required: ['total', 'byStatus', 'byPriority', 'overdue', 'dueSoon', 'completionRate', 'averageCompletionSeconds'], properties: { total: { type: 'integer' }, byStatus: { type: 'object', required: ['todo', 'in_progress', 'completed', 'cancelled'], properties: { todo: { type: 'integer' }, in_progress: { type: 'integer' }, completed: { type: 'integer' }, cancelled: { type: 'integer' } } }, byPriority: { type: 'object', required: ['low', 'medium', 'high', 'urgent'], properties: { low: { type: 'integer' }, medium: { type: 'integer' }, high: { type: 'integer' }, urgent: { type: 'integer' } } }, overdue: { type: 'integer' }, dueSoon: { type: 'integer' }, completionRate: { type: 'number' }, averageCompletionSeconds: { type: 'number', nullable: true } } },
    },
  },
};
