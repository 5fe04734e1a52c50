import { envOptional, OPEN_DATA_FORMATS, OPEN_DATASETS, OpenDataFormat } from "@camau/shared";

/**
 * The open-data catalogue as DCAT-AP JSON-LD, the RDF that CKAN's ckanext-dcat harvester
 * (dcat_rdf_harvester) parses: a dcat:Catalog whose dcat:dataset entries carry title and
 * description in Vietnamese and English, keywords, publisher, dct:modified (the data's latest
 * change) and one dcat:Distribution per format with its download URL, media type and licence.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | OPEN_DATA_BASE_URL | the request's scheme and host | public base URL of the gateway the URLs are built on (set it behind a proxy) |
 * | OPEN_DATA_LICENSE | https://creativecommons.org/licenses/by/4.0/ | the licence (a URL) of every dataset |
 * | OPEN_DATA_PUBLISHER | Liên minh Hợp tác xã tỉnh Cà Mau | the publisher's name |
 */
export interface CatalogSettings {
  baseUrl?: string;
  license: string;
  publisher: string;
}

export function catalogSettingsFromEnvironment(): CatalogSettings {
  return {
    baseUrl: envOptional("OPEN_DATA_BASE_URL")?.replace(/\/+$/, ""),
    license: envOptional("OPEN_DATA_LICENSE") ?? "https://creativecommons.org/licenses/by/4.0/",
    publisher: envOptional("OPEN_DATA_PUBLISHER") ?? "Liên minh Hợp tác xã tỉnh Cà Mau",
  };
}

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
};

const texts = (value: { vi: string; en: string }) => [
  { "@value": value.vi, "@language": "vi" },
  { "@value": value.en, "@language": "en" },
];
const dateTime = (value: Date | null) => (value ? { "@value": value.toISOString(), "@type": "xsd:dateTime" } : undefined);

/** The catalogue for a base URL; `modified` gives each dataset's latest change (null: unknown). */
export function openDataCatalog(baseUrl: string, settings: CatalogSettings, modified: ReadonlyMap<string, Date | null>): object {
  const publisher = { "@type": "foaf:Agent", "foaf:name": settings.publisher };
  const license = { "@id": settings.license };
  const latest = [...modified.values()].reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  return {
    "@context": CONTEXT,
    "@id": `${baseUrl}/open-data/catalog.json`,
    "@type": "dcat:Catalog",
    "dct:title": texts({ vi: "Dữ liệu mở kinh tế tập thể tỉnh Cà Mau", en: "Open data of Cà Mau province's collective economy" }),
    "dct:description": texts({
      vi: "Dữ liệu công khai về hợp tác xã, tổ hợp tác, liên hiệp hợp tác xã, sản phẩm OCOP, xúc tiến thương mại, lớp bồi dưỡng và số liệu báo cáo kinh tế tập thể. Không chứa dữ liệu cá nhân.",
      en: "Public data on cooperatives, cooperative groups, unions of cooperatives, OCOP products, trade promotion, training classes and the collective economy report's figures. No personal data.",
    }),
    "dct:publisher": publisher,
    "dct:license": license,
    "dct:language": [{ "@id": "http://id.loc.gov/vocabulary/iso639-1/vi" }, { "@id": "http://id.loc.gov/vocabulary/iso639-1/en" }],
    ...(latest ? { "dct:modified": dateTime(latest) } : {}),
    "dcat:dataset": OPEN_DATASETS.map((dataset) => ({
      "@id": `${baseUrl}/open-data/${dataset.name}`,
      "@type": "dcat:Dataset",
      "dct:identifier": dataset.name,
      "dct:title": texts(dataset.title),
      "dct:description": texts(dataset.description),
      "dcat:keyword": dataset.keywords,
      "dct:publisher": publisher,
      "dct:accrualPeriodicity": { "@id": "http://purl.org/cld/freq/continuous" },
      ...(modified.get(dataset.name) ? { "dct:modified": dateTime(modified.get(dataset.name)!) } : {}),
      "dcat:distribution": (Object.keys(OPEN_DATA_FORMATS) as OpenDataFormat[]).map((format) => {
        const url = `${baseUrl}/open-data/${dataset.name}.${format}`;
        return {
          "@id": url,
          "@type": "dcat:Distribution",
          "dct:title": texts({ vi: `${dataset.title.vi} (${OPEN_DATA_FORMATS[format].label})`, en: `${dataset.title.en} (${OPEN_DATA_FORMATS[format].label})` }),
          "dcat:accessURL": { "@id": url },
          "dcat:downloadURL": { "@id": url },
          "dcat:mediaType": { "@id": `https://www.iana.org/assignments/media-types/${OPEN_DATA_FORMATS[format].mediaType}` },
          "dct:format": OPEN_DATA_FORMATS[format].label,
          "dct:license": license,
          ...(modified.get(dataset.name) ? { "dct:modified": dateTime(modified.get(dataset.name)!) } : {}),
        };
      }),
    })),
  };
}
