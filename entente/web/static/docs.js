// The OpenAPI page: Swagger UI over the server's own /openapi.json (kept out of the HTML so the
// page needs no inline script).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
