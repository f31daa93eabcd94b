import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiPaths, IMPORT_FILE_MAX_BYTES } from '@wfh/shared';
import { XLSX_CONTENT_TYPE } from './spreadsheet';

/**
 * The import takes the file itself as the request body: simpler for the console than multipart
 * (@fastify/multipart is not installed). Excel's own types, and what browsers send for a .csv on
 * Windows (application/vnd.ms-excel) or for an unknown file (application/octet-stream).
 */
export const UPLOAD_CONTENT_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', XLSX_CONTENT_TYPE, 'application/octet-stream'];

/**
 * Raw file bodies for the import route only: every other route answers 415 to them, as before. The
 * API's usual 128 KB limit would refuse a county's sheet; the console checks the same limit first.
 */
export function registerUploadParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_FILE_MAX_BYTES }, (request: FastifyRequest, body: Buffer, done) => {
    if (request.method !== 'POST' || request.routeOptions.url !== ApiPaths.countyImport) {
      done(Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }), undefined);
      return;
    }
    done(null, body);
  });
}
