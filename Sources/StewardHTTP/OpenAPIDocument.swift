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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "403": {
      "description": "The token's role is too low",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "422": {
      "description": "The request is well formed but refused",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "403": {
      "description": "The token's role is too low",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "403": {
      "description": "The token's role is too low",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "403": {
      "description": "The token's role is too low",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "409": {
      "description": "Conflicts with the resource's state",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "422": {
      "description": "The request is well formed but refused",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
          "type": "string"
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
      "description": "Bad parameter or body",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "401": {
      "description": "No token, or an unknown or revoked one",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "403": {
      "description": "The token's role is too low",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "404": {
      "description": "No such resource",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
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
   }
  }
 }
}
"""#
}
