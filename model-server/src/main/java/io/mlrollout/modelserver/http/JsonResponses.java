package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds JSON responses from pre-serialised bytes, so the size is known for logs. */
@ApplicationScoped
class JsonResponses {

    private final ObjectMapper mapper;

    JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response bodies are plain records and always serialise", e);
        }
    }

    Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bytes(body)).build();
    }

    Response error(int status, String message) {
        return json(status, new V2Messages.ErrorBody(message));
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
