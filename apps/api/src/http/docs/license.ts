/** The terms the API is offered under: what the OpenAPI document's `info.license.url` names. */
export const LICENSE_TEXT = `Primetrade — proprietary software

Copyright (c) 2026 Primetrade. All rights reserved.

This software, its source code and its API are the property of Primetrade. No licence to copy,
modify, distribute or sublicense them is granted except by a written agreement with Primetrade.
Using the hosted API is governed by the agreement under which you were given access.
`;

/** Where the API serves the text above. */
export const LICENSE_PATH = '/api/license';
