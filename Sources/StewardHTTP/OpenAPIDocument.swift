/// The API described in OpenAPI 3.1, served at `/openapi.json`. `OpenAPIDocumentTests` fails
/// when a route is missing here or this names a route the router does not have.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Steward",
  "version": "0.1.0",
  "description": "Steward's HTTP API: imports, jobs, queues and tokens. Errors are application/problem+json (RFC 9457) with a stable code, a detail and a fix."
 },
 "servers": [
  {
   "url": "http://127.0.0.1:8080"
  }
 ],
 "security": [
  {
   "bearer": []
  }
 ],
 "paths": {
  "/accounts/statuses": {
   "get": {
    "summary": "How many accounts hold each activity and tenure status",
    "operationId": "accountStatusCounts",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "activity",
           "tenure",
           "accounts"
          ],
          "properties": {
           "activity": {
            "type": "string"
           },
           "tenure": {
            "type": "string"
           },
           "accounts": {
            "type": "integer"
           }
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "accounts"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/accounts/{id}/status": {
   "get": {
    "summary": "One account's statuses and their history",
    "operationId": "accountStatus",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccountStatus"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "accounts"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The account's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/activities": {
   "get": {
    "summary": "Activities by due date; due=today or overdue counts days in time_zone (UTC by default)",
    "operationId": "listActivities",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Activity"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "owner",
      "in": "query",
      "required": false,
      "description": "Only this owner's.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "due",
      "in": "query",
      "required": false,
      "description": "Planned and due today, or overdue.",
      "schema": {
       "type": "string",
       "enum": [
        "today",
        "overdue"
       ]
      }
     },
     {
      "name": "enrollment",
      "in": "query",
      "required": false,
      "description": "Only this enrollment's.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "Only this status.",
      "schema": {
       "type": "string",
       "enum": [
        "Planned",
        "Done",
        "Cancelled"
       ]
      }
     },
     {
      "name": "time_zone",
      "in": "query",
      "required": false,
      "description": "IANA time zone of 'today'.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "At most this many.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500
      }
     }
    ]
   }
  },
  "/cadences": {
   "get": {
    "summary": "Cadences from the workflow files (stored first, a changed file adds a version) with steps and open enrollments",
    "operationId": "listCadences",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Cadence"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/cadences/{name}/enrollments": {
   "get": {
    "summary": "A cadence's latest enrollments",
    "operationId": "listEnrollments",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Enrollment"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The cadence's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "At most this many.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500
      }
     }
    ]
   },
   "post": {
    "summary": "Enroll a record (201); a record already enrolled gets its open enrollment back (200)",
    "operationId": "enroll",
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Enrollment"
        }
       }
      }
     },
     "200": {
      "description": "Already enrolled",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Enrollment"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The cadence's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "required": [
         "record_type",
         "record_id"
        ],
        "properties": {
         "record_type": {
          "type": "string",
          "enum": [
           "account",
           "opportunity",
           "contact",
           "target"
          ]
         },
         "record_id": {
          "type": "integer"
         },
         "on": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
         }
        }
       }
      }
     }
    }
   }
  },
  "/enrollments/{id}/pause": {
   "post": {
    "summary": "Pause: nothing new is planned and nothing of it is due",
    "operationId": "pauseEnrollment",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Enrollment"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The enrollment's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/enrollments/{id}/resume": {
   "post": {
    "summary": "Resume: planned activities keep the delays they had left",
    "operationId": "resumeEnrollment",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Enrollment"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The enrollment's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/enrollments/{id}/stop": {
   "post": {
    "summary": "Stop: planned activities are cancelled",
    "operationId": "stopEnrollment",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Enrollment"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "cadences"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The enrollment's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "reason": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/events": {
   "get": {
    "summary": "Domain events, newest first, with when they were dispatched",
    "operationId": "listEvents",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventPage"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "events"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "before",
      "in": "query",
      "required": false,
      "description": "Items with an id below this one (the previous page's next_before).",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   },
   "post": {
    "summary": "Record an event by hand; the dispatcher routes it to its subscribers",
    "operationId": "emitEvent",
    "responses": {
     "201": {
      "description": "Recorded",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "id",
          "name"
         ],
         "properties": {
          "id": {
           "type": "integer"
          },
          "name": {
           "type": "string"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "events"
    ],
    "description": "Needs the admin role or above.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "required": [
         "name"
        ],
        "properties": {
         "name": {
          "type": "string"
         },
         "payload": {
          "type": "object"
         }
        }
       }
      }
     }
    }
   }
  },
  "/exports": {
   "get": {
    "summary": "Export definitions with their schedule, next run and last run",
    "operationId": "listExports",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Export"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "exports"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/exports/runs": {
   "get": {
    "summary": "Export runs, newest first",
    "operationId": "listExportRuns",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ExportRunPage"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "exports"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "export",
      "in": "query",
      "required": false,
      "description": "Only runs of this export.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "before",
      "in": "query",
      "required": false,
      "description": "Items with an id below this one (the previous page's next_before).",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/exports/runs/{id}/file": {
   "get": {
    "summary": "A completed run's file, with its SHA-256 in Repr-Digest and ETag",
    "operationId": "downloadExportRun",
    "responses": {
     "200": {
      "description": "The file",
      "headers": {
       "Repr-Digest": {
        "schema": {
         "type": "string"
        }
       },
       "ETag": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "text/csv": {
        "schema": {
         "type": "string"
        }
       },
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        "schema": {
         "type": "string",
         "format": "binary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "exports"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The run's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/exports/{name}/run": {
   "post": {
    "summary": "Run an export now, as a job on the exports queue",
    "operationId": "runExport",
    "responses": {
     "202": {
      "description": "The job was enqueued",
      "headers": {
       "Location": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Job"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "exports"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The export's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ]
   }
  },
  "/health": {
   "get": {
    "summary": "The process answers",
    "operationId": "health",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     }
    },
    "tags": [
     "health"
    ],
    "security": []
   }
  },
  "/import-errors/{id}": {
   "patch": {
    "summary": "Resolve or dismiss one failed row, with a note; it leaves the error report",
    "operationId": "resolveImportError",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportError"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The failed row's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "required": [
         "resolution"
        ],
        "properties": {
         "resolution": {
          "type": "string",
          "enum": [
           "resolved",
           "dismissed"
          ]
         },
         "note": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/imports": {
   "get": {
    "summary": "Imports, newest first",
    "operationId": "listImports",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportPage"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "Only imports in this status.",
      "schema": {
       "type": "string",
       "enum": [
        "pending",
        "processing",
        "completed",
        "completed_with_errors",
        "failed",
        "cancelled"
       ]
      }
     },
     {
      "name": "profile",
      "in": "query",
      "required": false,
      "description": "Only imports with this profile.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "before",
      "in": "query",
      "required": false,
      "description": "Items with an id below this one (the previous page's next_before).",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   },
   "post": {
    "summary": "Upload a CSV to import (streamed to disk); answers at once with the queued import",
    "operationId": "createImport",
    "responses": {
     "202": {
      "description": "The import (202: new; 200: an earlier one with this Idempotency-Key)",
      "links": {
       "GetImport": {
        "operationId": "getImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "ListImportErrors": {
        "operationId": "listImportErrors",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "CancelImport": {
        "operationId": "cancelImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "RetryImport": {
        "operationId": "retryImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       }
      },
      "headers": {
       "Location": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SubmittedImport"
        }
       }
      }
     },
     "200": {
      "description": "The import (202: new; 200: an earlier one with this Idempotency-Key)",
      "links": {
       "GetImport": {
        "operationId": "getImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "ListImportErrors": {
        "operationId": "listImportErrors",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "CancelImport": {
        "operationId": "cancelImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "RetryImport": {
        "operationId": "retryImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       }
      },
      "headers": {
       "Location": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SubmittedImport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "413": {
      "$ref": "#/components/responses/Problem413"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "profile",
      "in": "query",
      "required": true,
      "description": "The import profile (a `kind: import` workflow file).",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "file_name",
      "in": "query",
      "required": false,
      "description": "The file's name, as shown in lists.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "batch_size",
      "in": "query",
      "required": false,
      "description": "Rows per transaction and checkpoint.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 50000
      }
     },
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "description": "The same key (per token) returns the same import instead of a new one.",
      "schema": {
       "type": "string",
       "minLength": 1,
       "maxLength": 255,
       "pattern": "^[!-~]+$"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "text/csv": {
       "schema": {
        "type": "string"
       }
      },
      "application/octet-stream": {
       "schema": {
        "type": "string",
        "format": "binary"
       }
      },
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "required": [
         "file"
        ],
        "additionalProperties": false,
        "properties": {
         "file": {
          "type": "string",
          "format": "binary"
         }
        }
       }
      }
     }
    }
   }
  },
  "/imports/{id}": {
   "get": {
    "summary": "One import: status, progress, pace, counts, failed rows per category",
    "operationId": "getImport",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Import"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The import's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/imports/{id}/cancel": {
   "post": {
    "summary": "Cancel an import: at once if no worker runs it, else at its next batch",
    "operationId": "cancelImport",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Import"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The import's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/imports/{id}/errors": {
   "get": {
    "summary": "An import's failed rows, paged; with Accept: text/csv the whole error report",
    "operationId": "listImportErrors",
    "responses": {
     "200": {
      "description": "A page of failed rows, or the CSV error report",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportErrorPage"
        }
       },
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The import's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "category",
      "in": "query",
      "required": false,
      "description": "Only rows of this category.",
      "schema": {
       "type": "string",
       "enum": [
        "validation",
        "duplicate",
        "reference_not_found",
        "database_error",
        "malformed_row"
       ]
      }
     },
     {
      "name": "include_resolved",
      "in": "query",
      "required": false,
      "description": "Also rows resolved, dismissed or retried.",
      "schema": {
       "type": "boolean"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "after",
      "in": "query",
      "required": false,
      "description": "Rows with an id above this one (the previous page's next_after).",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/imports/{id}/retry": {
   "post": {
    "summary": "Import the unresolved failed rows again, from the stored bytes or a corrected error report (the body)",
    "operationId": "retryImport",
    "responses": {
     "202": {
      "description": "The import (202: new; 200: an earlier one with this Idempotency-Key)",
      "links": {
       "GetImport": {
        "operationId": "getImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "ListImportErrors": {
        "operationId": "listImportErrors",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "CancelImport": {
        "operationId": "cancelImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       },
       "RetryImport": {
        "operationId": "retryImport",
        "parameters": {
         "id": "$response.body#/import_id"
        }
       }
      },
      "headers": {
       "Location": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SubmittedImport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "413": {
      "$ref": "#/components/responses/Problem413"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "imports"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The import's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "file_name",
      "in": "query",
      "required": false,
      "description": "The file's name, as shown in lists.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "batch_size",
      "in": "query",
      "required": false,
      "description": "Rows per transaction and checkpoint.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 50000
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "text/csv": {
       "schema": {
        "type": "string"
       }
      },
      "application/octet-stream": {
       "schema": {
        "type": "string",
        "format": "binary"
       }
      },
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "required": [
         "file"
        ],
        "additionalProperties": false,
        "properties": {
         "file": {
          "type": "string",
          "format": "binary"
         }
        }
       }
      }
     }
    }
   }
  },
  "/jobs": {
   "get": {
    "summary": "Jobs, newest first, filtered",
    "operationId": "listJobs",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/JobPage"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "jobs"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "state",
      "in": "query",
      "required": false,
      "description": "States, comma-separated.",
      "schema": {
       "type": "string",
       "pattern": "^(scheduled|available|running|retryable|completed|discarded|cancelled)(,(scheduled|available|running|retryable|completed|discarded|cancelled))*$"
      }
     },
     {
      "name": "queue",
      "in": "query",
      "required": false,
      "description": "Only this queue.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "Only this kind.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "args",
      "in": "query",
      "required": false,
      "style": "deepObject",
      "explode": true,
      "description": "Argument filters: args.account_id=42 (a nested key: args.deal.stage=won); numbers match numbers.",
      "schema": {
       "type": "object",
       "propertyNames": {
        "pattern": "^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"
       },
       "additionalProperties": {
        "type": "string"
       }
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "before",
      "in": "query",
      "required": false,
      "description": "Items with an id below this one (the previous page's next_before).",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/jobs/bulk": {
   "post": {
    "summary": "Retry or cancel every job a filter matches now, as a job; answers with its id and the count",
    "operationId": "bulkJobs",
    "responses": {
     "202": {
      "description": "The bulk job was enqueued",
      "headers": {
       "Location": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "job_id",
          "action",
          "count"
         ],
         "properties": {
          "job_id": {
           "type": "integer"
          },
          "action": {
           "type": "string",
           "enum": [
            "retry",
            "cancel"
           ]
          },
          "count": {
           "type": "integer"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "jobs"
    ],
    "description": "Needs the operator role or above.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "required": [
         "action",
         "filter"
        ],
        "properties": {
         "action": {
          "type": "string",
          "enum": [
           "retry",
           "cancel"
          ]
         },
         "filter": {
          "type": "object",
          "additionalProperties": false,
          "minProperties": 1,
          "properties": {
           "states": {
            "type": "array",
            "items": {
             "type": "string",
             "enum": [
              "scheduled",
              "available",
              "running",
              "retryable",
              "completed",
              "discarded",
              "cancelled"
             ]
            }
           },
           "queue": {
            "type": "string",
            "minLength": 1
           },
           "kind": {
            "type": "string",
            "minLength": 1
           },
           "args": {
            "type": "object",
            "propertyNames": {
             "pattern": "^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"
            },
            "additionalProperties": {
             "type": "string"
            }
           }
          }
         }
        }
       }
      }
     }
    }
   }
  },
  "/jobs/count": {
   "get": {
    "summary": "How many jobs the filters match: what a bulk action would touch",
    "operationId": "countJobs",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "count"
         ],
         "properties": {
          "count": {
           "type": "integer"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "jobs"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "state",
      "in": "query",
      "required": false,
      "description": "States, comma-separated.",
      "schema": {
       "type": "string",
       "pattern": "^(scheduled|available|running|retryable|completed|discarded|cancelled)(,(scheduled|available|running|retryable|completed|discarded|cancelled))*$"
      }
     },
     {
      "name": "queue",
      "in": "query",
      "required": false,
      "description": "Only this queue.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "Only this kind.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "args",
      "in": "query",
      "required": false,
      "style": "deepObject",
      "explode": true,
      "description": "Argument filters: args.account_id=42 (a nested key: args.deal.stage=won); numbers match numbers.",
      "schema": {
       "type": "object",
       "propertyNames": {
        "pattern": "^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"
       },
       "additionalProperties": {
        "type": "string"
       }
      }
     }
    ]
   }
  },
  "/jobs/{id}": {
   "get": {
    "summary": "One job with every failed attempt",
    "operationId": "getJob",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Job"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "jobs"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The job's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/jobs/{id}/cancel": {
   "post": {
    "summary": "Cancel a job; a running one stops at its next heartbeat",
    "operationId": "cancelJob",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Job"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "jobs"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The job's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/jobs/{id}/retry": {
   "post": {
    "summary": "Run a job again now (not while it runs)",
    "operationId": "retryJob",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Job"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     }
    },
    "tags": [
     "jobs"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The job's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/metrics": {
   "get": {
    "summary": "Prometheus metrics, live",
    "operationId": "metrics",
    "responses": {
     "200": {
      "description": "Prometheus text format",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "health"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/openapi.json": {
   "get": {
    "summary": "This document",
    "operationId": "openapi",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    },
    "tags": [
     "health"
    ],
    "security": []
   }
  },
  "/queues": {
   "get": {
    "summary": "Queues: depth by state, lag, last 5 minutes' outcomes, pause",
    "operationId": "listQueues",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Queue"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "queues"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/queues/{queue}/pause": {
   "post": {
    "summary": "Pause a queue: no process claims it until resumed or resume_at",
    "operationId": "pauseQueue",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Pause"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "queues"
    ],
    "description": "Needs the admin role or above.",
    "parameters": [
     {
      "name": "queue",
      "in": "path",
      "required": true,
      "description": "The queue's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "reason": {
          "type": "string"
         },
         "resume_at": {
          "type": "string",
          "format": "date-time"
         }
        }
       }
      }
     }
    }
   }
  },
  "/queues/{queue}/resume": {
   "post": {
    "summary": "Resume a queue",
    "operationId": "resumeQueue",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Resumed"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     }
    },
    "tags": [
     "queues"
    ],
    "description": "Needs the admin role or above.",
    "parameters": [
     {
      "name": "queue",
      "in": "path",
      "required": true,
      "description": "The queue's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ]
   }
  },
  "/ready": {
   "get": {
    "summary": "Database writable, schema current, workers alive, queues not lagging",
    "operationId": "ready",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Ready"
        }
       }
      }
     },
     "503": {
      "description": "Not ready: the failing checks say why",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Ready"
        }
       }
      }
     }
    },
    "tags": [
     "health"
    ],
    "security": []
   }
  },
  "/schedules": {
   "get": {
    "summary": "Schedules (schedule files, scheduled exports and winback rules) with next and last tick",
    "operationId": "listSchedules",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Schedule"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "schedules"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/schedules/{name}/run": {
   "post": {
    "summary": "Enqueue a schedule's job now",
    "operationId": "runSchedule",
    "responses": {
     "202": {
      "description": "The job was enqueued",
      "headers": {
       "Location": {
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Job"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "schedules"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The schedule's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ]
   }
  },
  "/tokens": {
   "get": {
    "summary": "API tokens (never their secrets)",
    "operationId": "listTokens",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Token"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     }
    },
    "tags": [
     "tokens"
    ],
    "description": "Needs the admin role or above.",
    "parameters": [
     {
      "name": "include_revoked",
      "in": "query",
      "required": false,
      "description": "Also list revoked tokens.",
      "schema": {
       "type": "boolean"
      }
     }
    ]
   },
   "post": {
    "summary": "Create a token; its secret is in this answer only",
    "operationId": "createToken",
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CreatedToken"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "tokens"
    ],
    "description": "Needs the admin role or above.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "required": [
         "name",
         "role"
        ],
        "properties": {
         "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "pattern": "^[A-Za-z0-9_.@-]+$"
         },
         "role": {
          "type": "string",
          "enum": [
           "viewer",
           "operator",
           "admin"
          ]
         }
        }
       }
      }
     }
    }
   }
  },
  "/tokens/{name}": {
   "delete": {
    "summary": "Revoke a token",
    "operationId": "revokeToken",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Token"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "tokens"
    ],
    "description": "Needs the admin role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The token's name.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/webhooks/deliveries": {
   "get": {
    "summary": "Deliveries, newest first",
    "operationId": "listWebhookDeliveries",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WebhookDeliveryPage"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "endpoint",
      "in": "query",
      "required": false,
      "description": "Only this endpoint.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "Only this status.",
      "schema": {
       "type": "string",
       "enum": [
        "pending",
        "delivered",
        "failed"
       ]
      }
     },
     {
      "name": "event",
      "in": "query",
      "required": false,
      "description": "Only this event.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "before",
      "in": "query",
      "required": false,
      "description": "Items with an id below this one (the previous page's next_before).",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/webhooks/deliveries/{id}": {
   "get": {
    "summary": "One delivery with its body and every attempt",
    "operationId": "getWebhookDelivery",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WebhookDelivery"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the viewer role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The delivery's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/webhooks/deliveries/{id}/redeliver": {
   "post": {
    "summary": "Send a delivery again",
    "operationId": "redeliverWebhookDelivery",
    "responses": {
     "202": {
      "description": "Queued for redelivery (a fresh retry schedule, the same webhook-id)",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "redelivered"
         ],
         "properties": {
          "redelivered": {
           "type": "array",
           "items": {
            "type": "integer"
           }
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The delivery's id.",
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/webhooks/endpoints": {
   "get": {
    "summary": "Endpoints: state, URL (no credentials or query), deliveries by status, success rate over 24 h, failing since",
    "operationId": "listWebhookEndpoints",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/WebhookEndpoint"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the viewer role or above."
   }
  },
  "/webhooks/endpoints/{name}/disable": {
   "post": {
    "summary": "Stop sending to an endpoint",
    "operationId": "disableWebhookEndpoint",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WebhookEndpoint"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the admin role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The endpoint's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "reason": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/webhooks/endpoints/{name}/enable": {
   "post": {
    "summary": "Switch an endpoint on again (its failure streak starts afresh)",
    "operationId": "enableWebhookEndpoint",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WebhookEndpoint"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the admin role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The endpoint's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ]
   }
  },
  "/webhooks/endpoints/{name}/test": {
   "post": {
    "summary": "Send a signed ping now; the answer says whether it was accepted",
    "operationId": "testWebhookEndpoint",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "accepted",
          "delivery"
         ],
         "properties": {
          "accepted": {
           "type": "boolean"
          },
          "delivery": {
           "$ref": "#/components/schemas/WebhookDelivery"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     },
     "404": {
      "$ref": "#/components/responses/Problem404"
     },
     "409": {
      "$ref": "#/components/responses/Problem409"
     },
     "422": {
      "$ref": "#/components/responses/Problem422"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the operator role or above.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "The endpoint's name.",
      "schema": {
       "type": "string",
       "minLength": 1
      }
     }
    ]
   }
  },
  "/webhooks/redeliver": {
   "post": {
    "summary": "Send every delivery failed since a time again (ones that cannot be sent are skipped)",
    "operationId": "redeliverFailedWebhooks",
    "responses": {
     "202": {
      "description": "Queued for redelivery (a fresh retry schedule, the same webhook-id)",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "redelivered"
         ],
         "properties": {
          "redelivered": {
           "type": "array",
           "items": {
            "type": "integer"
           }
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem400"
     },
     "401": {
      "$ref": "#/components/responses/Problem401"
     },
     "403": {
      "$ref": "#/components/responses/Problem403"
     }
    },
    "tags": [
     "webhooks"
    ],
    "description": "Needs the operator role or above.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "required": [
         "failed_since"
        ],
        "properties": {
         "failed_since": {
          "type": "string",
          "format": "date-time"
         }
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer",
    "description": "A token from `steward tokens create NAME --role viewer|operator|admin`."
   }
  },
  "schemas": {
   "AccountStatus": {
    "type": "object",
    "required": [
     "account_id",
     "history"
    ],
    "properties": {
     "account_id": {
      "type": "integer"
     },
     "company_name": {
      "type": "string"
     },
     "activity": {
      "type": "string"
     },
     "tenure": {
      "type": "string"
     },
     "last_transaction": {
      "type": "string"
     },
     "status_since": {
      "type": "string"
     },
     "history": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "as_of",
        "activity",
        "tenure"
       ],
       "properties": {
        "as_of": {
         "type": "string"
        },
        "activity": {
         "type": "string"
        },
        "tenure": {
         "type": "string"
        },
        "previous_activity": {
         "type": "string"
        },
        "previous_tenure": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Activity": {
    "type": "object",
    "required": [
     "id",
     "type",
     "subject",
     "status",
     "on_hold"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "type": {
      "type": "string"
     },
     "subject": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "Planned",
       "Done",
       "Cancelled"
      ]
     },
     "on_hold": {
      "type": "boolean"
     },
     "due_date": {
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
     },
     "owner": {
      "type": "string"
     },
     "account_id": {
      "type": "integer"
     },
     "enrollment_id": {
      "type": "integer"
     },
     "step_number": {
      "type": "integer"
     },
     "completed_at": {
      "type": "string"
     }
    }
   },
   "Cadence": {
    "type": "object",
    "required": [
     "name",
     "version",
     "days",
     "generate",
     "steps",
     "active",
     "paused"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "version": {
      "type": "integer"
     },
     "days": {
      "type": "string"
     },
     "generate": {
      "type": "string"
     },
     "steps": {
      "type": "integer"
     },
     "active": {
      "type": "integer"
     },
     "paused": {
      "type": "integer"
     }
    }
   },
   "CreatedToken": {
    "type": "object",
    "required": [
     "token",
     "secret"
    ],
    "properties": {
     "token": {
      "$ref": "#/components/schemas/Token"
     },
     "secret": {
      "type": "string"
     }
    }
   },
   "Enrollment": {
    "type": "object",
    "required": [
     "id",
     "cadence",
     "cadence_version",
     "record_type",
     "record_id",
     "status",
     "current_step",
     "enrolled_on",
     "source"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "cadence": {
      "type": "string"
     },
     "cadence_version": {
      "type": "integer"
     },
     "record_type": {
      "type": "string",
      "enum": [
       "account",
       "opportunity",
       "contact",
       "target"
      ]
     },
     "record_id": {
      "type": "integer"
     },
     "account_id": {
      "type": "integer"
     },
     "owner": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "Active",
       "Paused",
       "Stopped",
       "Completed"
      ]
     },
     "current_step": {
      "type": "integer"
     },
     "enrolled_on": {
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
     },
     "paused_on": {
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
     },
     "stopped_on": {
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
     },
     "stop_reason": {
      "type": "string"
     },
     "completed_on": {
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
     },
     "source": {
      "type": "string"
     },
     "inserted": {
      "type": "boolean"
     }
    }
   },
   "Event": {
    "type": "object",
    "required": [
     "id",
     "name",
     "payload",
     "created_at"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "payload": {},
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "dispatched_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "EventPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Event"
      }
     },
     "next_before": {
      "type": "integer"
     }
    }
   },
   "Export": {
    "type": "object",
    "required": [
     "name",
     "source",
     "format",
     "columns"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "format": {
      "type": "string",
      "enum": [
       "csv",
       "xlsx"
      ]
     },
     "columns": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "cron": {
      "type": "string"
     },
     "time_zone": {
      "type": "string"
     },
     "next": {
      "type": "string",
      "format": "date-time"
     },
     "last_run": {
      "$ref": "#/components/schemas/ExportRun"
     }
    }
   },
   "ExportRun": {
    "type": "object",
    "required": [
     "id",
     "export",
     "status",
     "started_at"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "export": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "running",
       "completed",
       "failed"
      ]
     },
     "started_at": {
      "type": "string",
      "format": "date-time"
     },
     "finished_at": {
      "type": "string",
      "format": "date-time"
     },
     "rows": {
      "type": "integer"
     },
     "bytes": {
      "type": "integer"
     },
     "sha256": {
      "type": "string"
     },
     "file_name": {
      "type": "string"
     },
     "error": {
      "type": "string"
     }
    }
   },
   "ExportRunPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ExportRun"
      }
     },
     "next_before": {
      "type": "integer"
     }
    }
   },
   "Health": {
    "type": "object",
    "required": [
     "status",
     "version"
    ],
    "properties": {
     "status": {
      "type": "string"
     },
     "version": {
      "type": "string"
     }
    }
   },
   "Import": {
    "type": "object",
    "required": [
     "id",
     "file_name",
     "size",
     "sha256",
     "profile",
     "target",
     "status",
     "cancel_requested",
     "counts",
     "progress",
     "created_at"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "file_name": {
      "type": "string"
     },
     "size": {
      "type": "integer"
     },
     "sha256": {
      "type": "string"
     },
     "profile": {
      "type": "string"
     },
     "target": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "processing",
       "completed",
       "completed_with_errors",
       "failed",
       "cancelled"
      ]
     },
     "cancel_requested": {
      "type": "boolean"
     },
     "created_by": {
      "type": "string"
     },
     "job_id": {
      "type": "integer"
     },
     "parent_import_id": {
      "type": "integer"
     },
     "total_rows": {
      "type": "integer"
     },
     "counts": {
      "type": "object",
      "required": [
       "processed",
       "created",
       "updated",
       "skipped",
       "failed"
      ],
      "properties": {
       "processed": {
        "type": "integer"
       },
       "created": {
        "type": "integer"
       },
       "updated": {
        "type": "integer"
       },
       "skipped": {
        "type": "integer"
       },
       "failed": {
        "type": "integer"
       }
      }
     },
     "progress": {
      "type": "number",
      "minimum": 0,
      "maximum": 1
     },
     "rows_per_second": {
      "type": "number"
     },
     "eta_seconds": {
      "type": "number"
     },
     "success_rate": {
      "type": "number"
     },
     "error": {
      "type": "string"
     },
     "error_counts": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "category",
        "total",
        "unresolved"
       ],
       "properties": {
        "category": {
         "type": "string",
         "enum": [
          "validation",
          "duplicate",
          "reference_not_found",
          "database_error",
          "malformed_row"
         ]
        },
        "total": {
         "type": "integer"
        },
        "unresolved": {
         "type": "integer"
        }
       }
      }
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "started_at": {
      "type": "string",
      "format": "date-time"
     },
     "finished_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "ImportError": {
    "type": "object",
    "required": [
     "id",
     "import_id",
     "line",
     "category",
     "message",
     "record",
     "resolved"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "import_id": {
      "type": "integer"
     },
     "line": {
      "type": "integer"
     },
     "field": {
      "type": "string"
     },
     "category": {
      "type": "string",
      "enum": [
       "validation",
       "duplicate",
       "reference_not_found",
       "database_error",
       "malformed_row"
      ]
     },
     "message": {
      "type": "string"
     },
     "record": {
      "type": "string"
     },
     "resolved": {
      "type": "boolean"
     },
     "resolution": {
      "type": "string",
      "enum": [
       "retried",
       "resolved",
       "dismissed"
      ]
     },
     "note": {
      "type": "string"
     }
    }
   },
   "ImportErrorPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ImportError"
      }
     },
     "next_after": {
      "type": "integer"
     }
    }
   },
   "ImportPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Import"
      }
     },
     "next_before": {
      "type": "integer"
     }
    }
   },
   "Job": {
    "type": "object",
    "required": [
     "id",
     "kind",
     "queue",
     "state",
     "priority",
     "attempt",
     "max_attempts",
     "lease_losses",
     "args",
     "run_at",
     "created_at",
     "errors"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "kind": {
      "type": "string"
     },
     "queue": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "scheduled",
       "available",
       "running",
       "retryable",
       "completed",
       "discarded",
       "cancelled"
      ]
     },
     "priority": {
      "type": "integer"
     },
     "attempt": {
      "type": "integer"
     },
     "max_attempts": {
      "type": "integer"
     },
     "lease_losses": {
      "type": "integer"
     },
     "args": {},
     "run_at": {
      "type": "string",
      "format": "date-time"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "attempted_at": {
      "type": "string",
      "format": "date-time"
     },
     "finalized_at": {
      "type": "string",
      "format": "date-time"
     },
     "unique_key": {
      "type": "string"
     },
     "lease": {
      "type": "object",
      "required": [
       "owner",
       "expires_at"
      ],
      "properties": {
       "owner": {
        "type": "string"
       },
       "expires_at": {
        "type": "string",
        "format": "date-time"
       }
      }
     },
     "errors": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "at",
        "attempt",
        "message"
       ],
       "properties": {
        "at": {
         "type": "string",
         "format": "date-time"
        },
        "attempt": {
         "type": "integer"
        },
        "message": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "JobPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Job"
      }
     },
     "next_before": {
      "type": "integer"
     }
    }
   },
   "Pause": {
    "type": "object",
    "required": [
     "queue",
     "paused_at"
    ],
    "properties": {
     "queue": {
      "type": "string"
     },
     "reason": {
      "type": "string"
     },
     "paused_at": {
      "type": "string",
      "format": "date-time"
     },
     "resume_at": {
      "type": "string",
      "format": "date-time"
     },
     "by": {
      "type": "string"
     }
    }
   },
   "Problem": {
    "type": "object",
    "required": [
     "type",
     "title",
     "status",
     "code",
     "detail"
    ],
    "properties": {
     "type": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "code": {
      "type": "string",
      "description": "Stable, for scripts."
     },
     "detail": {
      "type": "string"
     },
     "fix": {
      "type": "string"
     },
     "request_id": {
      "type": "string"
     }
    }
   },
   "Queue": {
    "type": "object",
    "required": [
     "queue",
     "counts",
     "lag_seconds",
     "completed_last5m",
     "discarded_last5m"
    ],
    "properties": {
     "queue": {
      "type": "string"
     },
     "counts": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "oldest_available_at": {
      "type": "string",
      "format": "date-time"
     },
     "lag_seconds": {
      "type": "number"
     },
     "completed_last5m": {
      "type": "integer"
     },
     "discarded_last5m": {
      "type": "integer"
     },
     "paused": {
      "$ref": "#/components/schemas/Pause"
     }
    }
   },
   "Ready": {
    "type": "object",
    "required": [
     "ready",
     "checks"
    ],
    "properties": {
     "ready": {
      "type": "boolean"
     },
     "checks": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "name",
        "ok",
        "detail"
       ],
       "properties": {
        "name": {
         "type": "string"
        },
        "ok": {
         "type": "boolean"
        },
        "detail": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Resumed": {
    "type": "object",
    "required": [
     "queue",
     "resumed"
    ],
    "properties": {
     "queue": {
      "type": "string"
     },
     "resumed": {
      "type": "boolean"
     }
    }
   },
   "Schedule": {
    "type": "object",
    "required": [
     "name",
     "cron",
     "time_zone",
     "kind",
     "queue"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "cron": {
      "type": "string"
     },
     "time_zone": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "queue": {
      "type": "string"
     },
     "next": {
      "type": "string",
      "format": "date-time"
     },
     "last_tick": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "SubmittedImport": {
    "type": "object",
    "required": [
     "import_id",
     "replayed",
     "import"
    ],
    "properties": {
     "import_id": {
      "type": "integer"
     },
     "job_id": {
      "type": "integer"
     },
     "replayed": {
      "type": "boolean"
     },
     "import": {
      "$ref": "#/components/schemas/Import"
     }
    }
   },
   "Token": {
    "type": "object",
    "required": [
     "id",
     "name",
     "role",
     "prefix",
     "created_at"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "role": {
      "type": "string",
      "enum": [
       "viewer",
       "operator",
       "admin"
      ]
     },
     "prefix": {
      "type": "string"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "created_by": {
      "type": "string"
     },
     "last_used_at": {
      "type": "string",
      "format": "date-time"
     },
     "revoked_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "WebhookDelivery": {
    "type": "object",
    "required": [
     "id",
     "endpoint",
     "event_name",
     "message_id",
     "status",
     "attempts",
     "created_at"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "endpoint": {
      "type": "string"
     },
     "event_id": {
      "type": "integer"
     },
     "event_name": {
      "type": "string"
     },
     "message_id": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "delivered",
       "failed"
      ]
     },
     "attempts": {
      "type": "integer"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "last_attempt_at": {
      "type": "string",
      "format": "date-time"
     },
     "next_attempt_at": {
      "type": "string",
      "format": "date-time"
     },
     "delivered_at": {
      "type": "string",
      "format": "date-time"
     },
     "last_result": {
      "type": "string"
     },
     "body": {},
     "attempt_list": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "attempt",
        "attempted_at",
        "latency_ms"
       ],
       "properties": {
        "attempt": {
         "type": "integer"
        },
        "attempted_at": {
         "type": "string",
         "format": "date-time"
        },
        "status_code": {
         "type": "integer"
        },
        "error_class": {
         "type": "string"
        },
        "error": {
         "type": "string"
        },
        "latency_ms": {
         "type": "number"
        },
        "next_attempt_at": {
         "type": "string",
         "format": "date-time"
        },
        "response_excerpt": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "WebhookDeliveryPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/WebhookDelivery"
      }
     },
     "next_before": {
      "type": "integer"
     }
    }
   },
   "WebhookEndpoint": {
    "type": "object",
    "required": [
     "name",
     "state",
     "url",
     "events",
     "deliveries",
     "attempts_last24h"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "enabled",
       "disabled",
       "off_in_file",
       "removed"
      ]
     },
     "url": {
      "type": "string"
     },
     "events": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "deliveries": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "attempts_last24h": {
      "type": "integer"
     },
     "success_rate_last24h": {
      "type": "number"
     },
     "failing_since": {
      "type": "string",
      "format": "date-time"
     },
     "disabled_reason": {
      "type": "string"
     },
     "concurrency": {
      "type": "integer"
     }
    }
   }
  },
  "responses": {
   "Problem400": {
    "description": "Bad parameter or body",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem401": {
    "description": "No token, or an unknown or revoked one",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem403": {
    "description": "The token's role is too low",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem404": {
    "description": "No such resource",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem409": {
    "description": "Conflicts with the resource's state",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem413": {
    "description": "The body is too large",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem422": {
    "description": "The request is well formed but refused",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   },
   "Problem503": {
    "description": "Not ready",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  }
 }
}
"""#
}
