package org.hms.hub.platform.json;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.hms.hub.platform.problem.ProblemException;

/**
 * Reads JSON request bodies into shared-model records (see {@link Records}); unreadable JSON is a 400. Declared
 * for {@code Record}, not {@code Object}, so that it is closer to a record type than the JSON-B reader and wins.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class RecordBodyReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) {
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(body)) {
            return (Record) Records.read(reader.readValue(), genericType);
        } catch (JsonParsingException e) {
            throw new ProblemException(400, "Malformed JSON", "The request body is not well-formed JSON (line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException e) {
            throw new ProblemException(400, "Malformed JSON", "The request body is not well-formed JSON.");
        } catch (IllegalArgumentException | jakarta.json.bind.JsonbException e) {
            throw new ProblemException(400, "Unreadable request", "The request body does not have the expected"
                    + " shape: " + e.getMessage());
        }
    }
}
