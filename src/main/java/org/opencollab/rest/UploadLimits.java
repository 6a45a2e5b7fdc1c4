package org.opencollab.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may carry, at every door ({@link BodySizeLimit}): an attachment's file at
 * most {@code collab.uploads.attachment-max-size} (default 10MB, that is 10 MiB), any other request
 * body at most {@code collab.uploads.request-max-size} (default 2MB). A start or a completion
 * carries a few kilobytes; the largest model Camunda Modeler deploys is about 120 KB.
 */
@ConfigurationProperties("collab.uploads")
public record UploadLimits(
    @DefaultValue("10MB") DataSize attachmentMaxSize,
    @DefaultValue("2MB") DataSize requestMaxSize) {}
