package dev.glassbox.core.input;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.glassbox.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads texts: a plain text file as one string, and labelled corpora stored as JSON lines (optionally gzip-compressed,
 * by the {@code .gz} extension) with one object per line: {@code {"id": …, "label": class name, "text": …}}.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The text of a file read as UTF-8, with bytes that are not UTF-8 shown as U+FFFD (old e-mails mix encodings), and a
     * leading byte-order mark dropped.
     */
    public static String read(Path file) {
        InputPaths.requireFile(file);
        try {
            String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The labelled texts of a JSON-lines file whose labels are among {@code classes}. */
    public static LabelledTexts readLabelled(Path file, List<String> classes) {
        InputPaths.requireFile(file);
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = InputPaths.extension(file).equals("gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject record = parse(line, file, texts.size() + 1);
                int label = classes.indexOf(record.get("label").getAsString());
                if (label < 0) {
                    throw new InvalidInputException(file + ", record " + (texts.size() + 1) + ": label '"
                            + record.get("label").getAsString() + "' is not one of " + classes);
                }
                ids.add(record.has("id") ? record.get("id").getAsString() : Integer.toString(texts.size()));
                texts.add(record.get("text").getAsString());
                labels.add(label);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        return new LabelledTexts(ids, texts, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    private static JsonObject parse(String line, Path file, int record) {
        try {
            JsonObject object = JsonParser.parseString(line).getAsJsonObject();
            if (!object.has("text") || !object.has("label")) {
                throw new InvalidInputException(file + ", record " + record + ": expected \"text\" and \"label\"");
            }
            return object;
        } catch (JsonSyntaxException | IllegalStateException e) {
            throw new InvalidInputException(file + ", record " + record + " is not a JSON object: " + e.getMessage());
        }
    }
}
