//! Where added documents are kept between visits: one IndexedDB object
//! store, a record per file (keyed by its name), each the file's name and
//! bytes with the order it was added in.

use clause_explorer::ingest::session::Source;
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use js_sys::Uint8Array;
use wasm_bindgen::JsValue;

const STORE: &str = "added";
const VERSION: u32 = 1;

/// An open database of added documents.
pub struct Store {
    db: Database,
}

/// A kept file: the order it was added in, and the file.
type Record = (u64, Source);

impl Store {
    /// Opens (creating if need be) the database named `name`; the error
    /// says why documents cannot be kept.
    pub async fn open(name: &str) -> Result<Store, String> {
        let factory = Factory::new().map_err(|e| why(&e))?;
        let mut request = factory.open(name, Some(VERSION)).map_err(|e| why(&e))?;
        request.on_upgrade_needed(|event| {
            if let Ok(db) = event.database() {
                if !db.store_names().iter().any(|s| s == STORE) {
                    let _ = db.create_object_store(STORE, ObjectStoreParams::new());
                }
            }
        });
        let db = request.await.map_err(|e| why(&e))?;
        Ok(Store { db })
    }

    /// Every kept file, in the order they were added.
    pub async fn load(&self) -> Result<Vec<Source>, String> {
        let tx = self
            .db
            .transaction(&[STORE], TransactionMode::ReadOnly)
            .map_err(|e| why(&e))?;
        let store = tx.object_store(STORE).map_err(|e| why(&e))?;
        let values = store
            .get_all(None, None)
            .map_err(|e| why(&e))?
            .await
            .map_err(|e| why(&e))?;
        let mut records: Vec<Record> = values
            .iter()
            .filter_map(|v| {
                let bytes = v.dyn_ref::<Uint8Array>()?.to_vec();
                postcard::from_bytes(&bytes).ok()
            })
            .collect();
        records.sort_by_key(|(order, _)| *order);
        Ok(records.into_iter().map(|(_, s)| s).collect())
    }

    /// Keeps files (a file of the same name is replaced), numbered from
    /// `first` on in the order given.
    pub async fn put(&self, files: &[&Source], first: u64) -> Result<(), String> {
        let tx = self
            .db
            .transaction(&[STORE], TransactionMode::ReadWrite)
            .map_err(|e| why(&e))?;
        let store = tx.object_store(STORE).map_err(|e| why(&e))?;
        for (k, file) in files.iter().enumerate() {
            let record: (u64, &Source) = (first + k as u64, file);
            let bytes = postcard::to_allocvec(&record).map_err(|e| e.to_string())?;
            let value = Uint8Array::from(bytes.as_slice());
            store
                .put(&value, Some(&JsValue::from_str(&file.name)))
                .map_err(|e| why(&e))?;
        }
        tx.await.map_err(|e| why(&e))?;
        Ok(())
    }

    /// Forgets the file of that name.
    pub async fn delete(&self, name: &str) -> Result<(), String> {
        let tx = self
            .db
            .transaction(&[STORE], TransactionMode::ReadWrite)
            .map_err(|e| why(&e))?;
        let store = tx.object_store(STORE).map_err(|e| why(&e))?;
        store.delete(JsValue::from_str(name)).map_err(|e| why(&e))?;
        tx.await.map_err(|e| why(&e))?;
        Ok(())
    }

    /// Forgets every file.
    pub async fn clear(&self) -> Result<(), String> {
        let tx = self
            .db
            .transaction(&[STORE], TransactionMode::ReadWrite)
            .map_err(|e| why(&e))?;
        let store = tx.object_store(STORE).map_err(|e| why(&e))?;
        store.clear().map_err(|e| why(&e))?;
        tx.await.map_err(|e| why(&e))?;
        Ok(())
    }
}

/// An IndexedDB error as the page says it.
fn why(e: &idb::Error) -> String {
    e.to_string()
}

use wasm_bindgen::JsCast;
